import { Button } from 'design-react-kit';
import type { Interval } from '../api/help-desks.ts';
import { fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { TimeInput } from './TimeInput.tsx';

interface Props {
  form: string;
  /** Field path of the list, e.g. `openingHours.weekly.3`. */
  path: string;
  /** Names the list in button labels ("Monday", "24/12/2026"). */
  name: string;
  intervals: Interval[];
  onChange: (intervals: Interval[]) => void;
  error: (field: string) => string | undefined;
}

/** Opening intervals of one day: opens/closes pairs with add and remove buttons. */
export function IntervalsEditor({ form, path, name, intervals, onChange, error }: Props) {
  const t = useT();
  const addId = fieldId(form, `${path}.add`);
  const listError = error(path);

  function update(index: number, interval: Interval) {
    onChange(intervals.map((item, i) => (i === index ? interval : item)));
  }
  function remove(index: number) {
    onChange(intervals.filter((_, i) => i !== index));
    document.getElementById(addId)?.focus();
  }

  return (
    <div>
      {intervals.length === 0 && <p className="mb-2">{t('bo.network.hours.closed')}</p>}
      {intervals.map((interval, index) => (
        <div key={index} className="d-flex flex-wrap align-items-end gap-3 mb-2">
          <TimeInput
            id={fieldId(form, `${path}.${index}.opens`)}
            label={t('bo.network.hours.opens', { n: index + 1 })}
            value={interval.opens}
            onChange={(value) => update(index, { ...interval, opens: value })}
            error={error(`${path}.${index}.opens`) ?? error(`${path}.${index}`)}
          />
          <TimeInput
            id={fieldId(form, `${path}.${index}.closes`)}
            label={t('bo.network.hours.closes', { n: index + 1 })}
            value={interval.closes}
            onChange={(value) => update(index, { ...interval, closes: value })}
            error={error(`${path}.${index}.closes`)}
          />
          <Button type="button" size="xs" color="secondary" outline onClick={() => remove(index)}>
            {t('bo.network.hours.removeInterval', { n: index + 1, day: name })}
          </Button>
        </div>
      ))}
      {listError && <div className="invalid-feedback d-block mb-2">{listError}</div>}
      <Button
        id={addId}
        type="button"
        size="xs"
        color="primary"
        outline
        onClick={() => {
          const last = intervals[intervals.length - 1];
          onChange([
            ...intervals,
            last ? { opens: last.closes, closes: '' } : { opens: '09:00', closes: '13:00' },
          ]);
        }}
      >
        {t('bo.network.hours.addInterval', { day: name })}
      </Button>
    </div>
  );
}
