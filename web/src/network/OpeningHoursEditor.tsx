import { useT } from '../i18n/useT.ts';
import { ExceptionsEditor } from './ExceptionsEditor.tsx';
import type { HoursDraft } from './helpDeskForm.ts';
import { weekdays } from './helpDeskForm.ts';
import { IntervalsEditor } from './IntervalsEditor.tsx';
import { LocalHolidaysEditor } from './LocalHolidaysEditor.tsx';

interface Props {
  form: string;
  hours: HoursDraft;
  onChange: (hours: HoursDraft) => void;
  error: (field: string) => string | undefined;
}

/** Weekly schedule, dated exceptions and holidays, with field paths as the server names them. */
export function OpeningHoursEditor({ form, hours, onChange, error }: Props) {
  const t = useT();
  const dayName = (day: string) => t(`bo.network.weekday.${day}`);
  return (
    <fieldset className="mb-4">
      <legend className="h4">{t('bo.network.section.hours')}</legend>
      {error('openingHours') && (
        <div className="invalid-feedback d-block mb-2">{error('openingHours')}</div>
      )}
      {weekdays.map((day) => (
        <fieldset key={day} className="mb-3 border-bottom pb-2">
          <legend className="h6">{dayName(day)}</legend>
          <IntervalsEditor
            form={form}
            path={`openingHours.weekly.${day}`}
            name={dayName(day)}
            intervals={hours.weekly[day] ?? []}
            onChange={(intervals) =>
              onChange({ ...hours, weekly: { ...hours.weekly, [day]: intervals } })
            }
            error={error}
          />
        </fieldset>
      ))}
      <div className="form-check my-3">
        <input
          id={`${form}-openingHours-closedOnPublicHolidays`}
          type="checkbox"
          checked={hours.closedOnPublicHolidays}
          onChange={(event) => onChange({ ...hours, closedOnPublicHolidays: event.target.checked })}
        />
        <label htmlFor={`${form}-openingHours-closedOnPublicHolidays`}>
          {t('bo.network.hours.closedOnPublicHolidays')}
        </label>
      </div>
      <LocalHolidaysEditor
        form={form}
        holidays={hours.localHolidays}
        onChange={(localHolidays) => onChange({ ...hours, localHolidays })}
        error={error}
      />
      <ExceptionsEditor
        form={form}
        exceptions={hours.exceptions}
        onChange={(exceptions) => onChange({ ...hours, exceptions })}
        error={error}
      />
    </fieldset>
  );
}
