interface CheckboxGroupProps {
  id: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  selected: string[];
  onChange: (selected: string[]) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** A fieldset of checkboxes with its legend; the error is tied to the group. */
export function CheckboxGroup({
  id,
  legend,
  options,
  selected,
  onChange,
  error,
  disabled,
}: CheckboxGroupProps) {
  const errorId = `${id}-error`;
  function toggle(value: string, checked: boolean) {
    onChange(checked ? [...selected, value] : selected.filter((item) => item !== value));
  }
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className="mb-4"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="h6">{legend}</legend>
      <div className="d-flex flex-wrap gap-3">
        {options.map((option) => (
          <div key={option.value} className="form-check form-check-inline m-0">
            <input
              id={`${id}-${option.value}`}
              type="checkbox"
              checked={selected.includes(option.value)}
              disabled={disabled}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
      {error && (
        <div id={errorId} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </fieldset>
  );
}
