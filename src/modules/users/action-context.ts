import type { Locale } from '../../i18n/i18n.ts';

/**
 * Who performs an account change and in which language field errors are worded. The HTTP
 * routes pass the signed-in admin; the command-line tool passes `{ userId: null, label: 'cli' }`.
 */
export interface ActionContext {
  actor: { userId: string | null; label: string };
  locale: Locale;
}
