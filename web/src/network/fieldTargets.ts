import { fieldId } from '../common/useFormErrors.ts';

/**
 * The control a server field path points at: the path itself when the form has a control for
 * it, otherwise its longest prefix that has one (`territoryCodes.2` → the picker's entry, or
 * the picker). Labels are looked up the same way.
 */
export function targetFor(
  formId: string,
  labels: (path: string) => string | undefined,
  field: string,
): { id: string; label: string } | null {
  const parts = field.split('.');
  for (let length = parts.length; length > 0; length--) {
    const path = parts.slice(0, length).join('.');
    const id = fieldId(formId, path);
    if (document.getElementById(id)) {
      const label = labels(path) ?? labels(parts[0] ?? '') ?? field;
      return { id, label };
    }
  }
  const label = labels(parts[0] ?? '');
  return label === undefined ? null : { id: fieldId(formId, parts[0] ?? ''), label };
}
