import type { FieldError } from '../api/client.ts';
import type { Translate } from '../i18n/useT.ts';

/** The server's rule (MIN_PASSWORD_LENGTH), checked early to save a round trip. */
export const MIN_PASSWORD_LENGTH = 12;

export function checkNewPassword(field: string, password: string, t: Translate): FieldError[] {
  return password.length < MIN_PASSWORD_LENGTH
    ? [{ field, message: t('validation.password_too_short') }]
    : [];
}
