import { Button } from 'design-react-kit';
import { fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { TimeInput } from './TimeInput.tsx';

interface Props {
  form: string;
  holidays: string[];
  onChange: (holidays: string[]) => void;
  error: (field: string) => string | undefined;
}

/** Local holidays (a patron saint's day) as MM-DD. */
export function LocalHolidaysEditor({ form, holidays, onChange, error }: Props) {
  const t = useT();
  const addId = fieldId(form, 'openingHours.localHolidays.add');
  return (
    <fieldset className="mb-3">
      <legend className="h6">{t('bo.network.hours.localHolidays')}</legend>
      {holidays.map((holiday, index) => (
        <div key={index} className="d-flex flex-wrap align-items-end gap-3 mb-2">
          <TimeInput
            id={fieldId(form, `openingHours.localHolidays.${index}`)}
            type="text"
            label={t('bo.network.hours.localHoliday', { n: index + 1 })}
            placeholder="06-24"
            value={holiday}
            onChange={(value) => onChange(holidays.map((item, i) => (i === index ? value : item)))}
            error={error(`openingHours.localHolidays.${index}`)}
          />
          <Button
            type="button"
            size="xs"
            color="secondary"
            outline
            onClick={() => {
              onChange(holidays.filter((_, i) => i !== index));
              document.getElementById(addId)?.focus();
            }}
          >
            {t('bo.network.hours.removeHoliday', { n: index + 1 })}
          </Button>
        </div>
      ))}
      <p className="small">{t('bo.network.hours.localHolidayHint')}</p>
      <Button
        id={addId}
        type="button"
        size="xs"
        color="primary"
        outline
        onClick={() => onChange([...holidays, ''])}
      >
        {t('bo.network.hours.addHoliday')}
      </Button>
    </fieldset>
  );
}
