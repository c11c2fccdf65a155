import { AppError } from '../../core/errors.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';

/** A validation error on one field, worded in the caller's language. */
export function fieldError(locale: Locale, field: string, key: string): AppError {
  return new AppError('validation_failed', {
    fields: [{ field, message: translate(locale, key) }],
  });
}

/** PostgreSQL's unique_violation, raised the same way by the pg driver and by PGlite. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
  );
}
