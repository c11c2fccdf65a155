import { ApiError, NETWORK_ERROR } from '../api/client.ts';
import type { Translate } from '../i18n/useT.ts';

/**
 * The text to show for a failed call: the server's own translation when it sent one,
 * otherwise our translation of the error code.
 */
export function describeError(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) {
    console.error(error);
    return t('error.internal');
  }
  if (error.message) return error.message;
  if (error.code === NETWORK_ERROR) return t('bo.error.network');
  return t(`error.${error.code}`);
}

/**
 * For places without form fields (a button, a panel): the general message followed by the
 * field messages, which may carry the actual reason (e.g. "you cannot disable your own account").
 */
export function describeErrorWithDetails(error: unknown, t: Translate): string {
  const general = describeError(error, t);
  if (!(error instanceof ApiError) || error.fields.length === 0) return general;
  return [general, ...error.fields.map((field) => field.message)].join(' ');
}
