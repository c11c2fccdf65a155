import { AppError, type FieldError } from '../../core/errors.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';

/** Collects field errors worded in the caller's language; throws them together. */
export class FieldErrors {
  readonly locale: Locale;
  readonly fields: FieldError[] = [];

  constructor(locale: Locale) {
    this.locale = locale;
  }

  add(field: string, key: string): void {
    if (this.fields.some((existing) => existing.field === field)) return;
    this.fields.push({ field, message: translate(this.locale, `organisations.validation.${key}`) });
  }

  throwIfAny(): void {
    if (this.fields.length > 0) {
      throw new AppError('validation_failed', { fields: [...this.fields] });
    }
  }
}

export function fieldError(locale: Locale, field: string, key: string): AppError {
  const errors = new FieldErrors(locale);
  errors.add(field, key);
  return new AppError('validation_failed', { fields: errors.fields });
}

/** The duplicate name, answered `conflict` on `name`. */
export function nameTaken(locale: Locale, cause?: unknown): AppError {
  return new AppError('conflict', {
    fields: [{ field: 'name', message: translate(locale, 'organisations.validation.name_taken') }],
    cause,
  });
}

/** PostgreSQL's unique_violation, raised the same way by the pg driver and by PGlite. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
  );
}

/** PostgreSQL's uuid text form: a malformed id is answered like a missing record. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
