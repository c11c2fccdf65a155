import { Input } from 'design-react-kit';
import type { ChangeEvent, InputHTMLAttributes } from 'react';

type NativeProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange' | 'type' | 'size'
>;

interface TextFieldProps extends NativeProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'date' | 'month' | 'search';
  /** The message shown under the field and announced with it. */
  error?: string | undefined;
  hint?: string | undefined;
}

/**
 * A labelled input whose hint and error are tied to it with aria-describedby. The label stays
 * above the field (Bootstrap Italia's "active" position) so it never covers what was typed.
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  type = 'text',
  error,
  hint,
  className,
  ...rest
}: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={`form-group bo-field ${className ?? ''}`}>
      <label htmlFor={id} className="active">
        {label}
      </label>
      <Input
        noWrapper
        id={id}
        type={type}
        value={value}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={error ? 'is-invalid' : undefined}
        {...rest}
      />
      {hint && (
        <small id={hintId} className="form-text">
          {hint}
        </small>
      )}
      {error && (
        <div id={errorId} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </div>
  );
}
