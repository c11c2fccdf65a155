import type { FastifyReply } from 'fastify';
import type { Locale } from '../../i18n/i18n.ts';

/** A public page: HTML in its language, revalidated on every visit (the data change). */
export function sendPage(reply: FastifyReply, locale: Locale, page: string) {
  return reply
    .type('text/html; charset=utf-8')
    .header('content-language', locale)
    .header('cache-control', 'no-cache')
    .send(page);
}
