import { SelectField } from './SelectField.tsx';
import type { SelectOption } from './SelectField.tsx';

/** One choice of a search form: which filter it sets, its field's id, label and options. */
export interface SelectFilterSpec<K extends string> {
  name: K;
  id: string;
  label: string;
  options: SelectOption[];
}

interface SelectFilterProps<K extends string> extends SelectFilterSpec<K> {
  value: string | undefined;
  onChange: (name: K, value: string) => void;
  /** The empty first choice: no filter on this field. */
  any: string;
  className: string;
}

/**
 * A select of a list's filter form, bound to the form's draft by the filter's name; its empty
 * choice ("any") leaves the filter out. Forms map a list of specs onto it.
 */
export function SelectFilter<K extends string>({
  name,
  id,
  label,
  options,
  value,
  onChange,
  any,
  className,
}: SelectFilterProps<K>) {
  return (
    <SelectField
      id={id}
      className={className}
      label={label}
      value={value ?? ''}
      onChange={(chosen) => onChange(name, chosen)}
      placeholder={any}
      options={options}
    />
  );
}

interface SelectFiltersProps<K extends string> {
  specs: SelectFilterSpec<K>[];
  draft: Partial<Record<K, string>>;
  onChange: (name: K, value: string) => void;
  any: string;
  /** The grid classes of each select, e.g. "col-md-6 mb-3". */
  className: string;
}

/** The selects of a filter form, in the order given, each bound to the draft. */
export function SelectFilters<K extends string>({
  specs,
  draft,
  onChange,
  any,
  className,
}: SelectFiltersProps<K>) {
  return (
    <>
      {specs.map((spec) => (
        <SelectFilter
          key={spec.name}
          {...spec}
          value={draft[spec.name]}
          onChange={onChange}
          any={any}
          className={className}
        />
      ))}
    </>
  );
}
