import type { FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../core/errors.ts';
import { html } from '../../http/html.ts';
import { translate } from '../../i18n/i18n.ts';

/** A plain page for errors on HTML routes; the public-site layout replaces it. */
export function renderErrorPage(request: FastifyRequest, status: number, code: ErrorCode): string {
  const message = translate(request.locale, `error.${code}`, { minutes: 15 });
  return html`<!doctype html>
    <html lang="${request.locale}">
      <head>
        <meta charset="utf-8" />
        <title>${status} · Osservatorio</title>
      </head>
      <body>
        <main>
          <h1>${message}</h1>
        </main>
      </body>
    </html>`.value;
}
