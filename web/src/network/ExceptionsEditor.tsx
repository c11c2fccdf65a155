import { Button } from 'design-react-kit';
import { fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import type { ExceptionDraft } from './helpDeskForm.ts';
import { IntervalsEditor } from './IntervalsEditor.tsx';
import { TimeInput } from './TimeInput.tsx';

interface Props {
  form: string;
  exceptions: ExceptionDraft[];
  onChange: (exceptions: ExceptionDraft[]) => void;
  error: (field: string) => string | undefined;
}

/** Dated exceptions: closed all day, or open with special intervals. */
export function ExceptionsEditor({ form, exceptions, onChange, error }: Props) {
  const t = useT();
  const addId = fieldId(form, 'openingHours.exceptions.add');
  function update(index: number, exception: ExceptionDraft) {
    onChange(exceptions.map((item, i) => (i === index ? exception : item)));
  }
  return (
    <fieldset className="mb-3">
      <legend className="h6">{t('bo.network.hours.exceptions')}</legend>
      {exceptions.map((exception, index) => {
        const path = `openingHours.exceptions.${index}`;
        const name = t('bo.network.hours.exception', { n: index + 1 });
        const closedId = fieldId(form, `${path}.closed`);
        return (
          <fieldset key={index} className="mb-3 border-bottom pb-2">
            <legend className="h6">{name}</legend>
            <TimeInput
              id={fieldId(form, `${path}.date`)}
              type="date"
              label={t('bo.network.hours.date')}
              value={exception.date}
              onChange={(date) => update(index, { ...exception, date })}
              error={error(`${path}.date`) ?? error(path)}
            />
            <div className="form-check my-2">
              <input
                id={closedId}
                type="checkbox"
                checked={exception.closed}
                onChange={(event) => update(index, { ...exception, closed: event.target.checked })}
              />
              <label htmlFor={closedId}>{t('bo.network.hours.closedAllDay')}</label>
            </div>
            {!exception.closed && (
              <IntervalsEditor
                form={form}
                path={`${path}.intervals`}
                name={name}
                intervals={exception.intervals}
                onChange={(intervals) => update(index, { ...exception, intervals })}
                error={error}
              />
            )}
            <Button
              type="button"
              size="xs"
              color="secondary"
              outline
              className="mt-2"
              onClick={() => {
                onChange(exceptions.filter((_, i) => i !== index));
                document.getElementById(addId)?.focus();
              }}
            >
              {t('bo.network.hours.removeException', { n: index + 1 })}
            </Button>
          </fieldset>
        );
      })}
      <Button
        id={addId}
        type="button"
        size="xs"
        color="primary"
        outline
        onClick={() => onChange([...exceptions, { date: '', closed: true, intervals: [] }])}
      >
        {t('bo.network.hours.addException')}
      </Button>
    </fieldset>
  );
}
