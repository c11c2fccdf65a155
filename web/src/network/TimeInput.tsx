interface TimeInputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'time' | 'date' | 'text';
  error?: string | undefined;
  placeholder?: string;
}

/** A small labelled time (or date) input with its error, for the hours editor's rows. */
export function TimeInput({
  id,
  label,
  value,
  onChange,
  type = 'time',
  error,
  placeholder,
}: TimeInputProps) {
  const errorId = `${id}-error`;
  return (
    <div className="bo-hours-input">
      <label htmlFor={id} className="d-block small fw-semibold">
        {label}
      </label>
      <input
        id={id}
        type={type}
        className={`form-control ${error ? 'is-invalid' : ''}`}
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error && (
        <div id={errorId} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </div>
  );
}
