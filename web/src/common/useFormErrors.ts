import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { FieldError } from '../api/client.ts';
import { useT } from '../i18n/useT.ts';
import { describeError } from './errors.ts';

export interface FormErrors {
  general: string | null;
  fields: FieldError[];
  /** Grows with every failed submission, so the summary takes the focus each time. */
  attempt: number;
}

export interface FormErrorsApi {
  errors: FormErrors;
  /** Errors found before sending anything. */
  showFieldErrors: (fields: FieldError[]) => void;
  /** A failed call; `extraFields` lets a form pin a field-less error (e.g. `conflict`) to a field. */
  showError: (error: unknown, extraFields?: FieldError[]) => void;
  clear: () => void;
  messageFor: (field: string) => string | undefined;
}

export function useFormErrors(): FormErrorsApi {
  const t = useT();
  const [errors, setErrors] = useState<FormErrors>({ general: null, fields: [], attempt: 0 });

  const showFieldErrors = useCallback(
    (fields: FieldError[]) =>
      setErrors((previous) => ({
        general: t('error.validation_failed'),
        fields,
        attempt: previous.attempt + 1,
      })),
    [t],
  );

  const showError = useCallback(
    (error: unknown, extraFields: FieldError[] = []) => {
      const fields = error instanceof ApiError ? error.fields : [];
      setErrors((previous) => ({
        general: describeError(error, t),
        fields: [...fields, ...extraFields],
        attempt: previous.attempt + 1,
      }));
    },
    [t],
  );

  const clear = useCallback(
    () => setErrors((previous) => ({ general: null, fields: [], attempt: previous.attempt })),
    [],
  );

  const messageFor = useCallback(
    (field: string) => {
      const messages = errors.fields.filter((e) => e.field === field).map((e) => e.message);
      return messages.length > 0 ? messages.join(' ') : undefined;
    },
    [errors.fields],
  );

  return useMemo(
    () => ({ errors, showFieldErrors, showError, clear, messageFor }),
    [errors, showFieldErrors, showError, clear, messageFor],
  );
}

/** Element id of a form field: `memberships.0.role` in form `new-user` → `new-user-memberships-0-role`. */
export function fieldId(formId: string, field: string): string {
  return `${formId}-${field.replaceAll('.', '-')}`;
}

/** The control for a field path among the form's labelled fields, or null if it has none. */
export function controlFor(
  formId: string,
  labels: Record<string, string>,
  field: string,
): { id: string; label: string } | null {
  const label = labels[field];
  return label === undefined ? null : { id: fieldId(formId, field), label };
}
