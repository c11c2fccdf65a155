import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../core/errors.ts';
import { html } from '../../http/html.ts';
import { translate } from '../../i18n/i18n.ts';
import { renderLayout } from './layout.ts';
import { sitePages } from './site-paths.ts';

/** Where `npm run build` writes the back office (web/ → dist/web). */
export const defaultWebDir = resolve(import.meta.dirname, '..', '..', '..', 'dist', 'web');

export interface BackOfficeOptions {
  /** The built SPA; tests pass a temporary directory. */
  webDir?: string;
}

function renderBuildMissing(request: FastifyRequest): string {
  const t = (key: string) => translate(request.locale, `public.app_missing.${key}`);
  const main = html`<h1>${t('title')}</h1>
    <p class="lead">${t('text')}</p>
    <pre><code>npm run build</code></pre>
    <p>${t('then')}</p>`;
  return renderLayout({
    locale: request.locale,
    title: t('title'),
    alternates: sitePages.home,
    main,
  });
}

/** A regular file of the build, addressed without leaving the build directory or naming dotfiles. */
function builtFile(webDir: string, wanted: string): string | null {
  if (wanted === '' || wanted.split('/').some((part) => part.startsWith('.'))) return null;
  const candidate = resolve(webDir, wanted);
  if (!candidate.startsWith(webDir + sep)) return null;
  const stats = statSync(candidate, { throwIfNoEntry: false });
  return stats?.isFile() ? candidate.slice(webDir.length + 1) : null;
}

/**
 * Serves the back office, a React single-page application, at /app. Client-side routes
 * (/app/users/123) answer its index.html; hashed build assets are cached for a year, the
 * index never, so a new build is picked up at the next visit.
 */
export async function backOfficeRoutes(
  app: FastifyInstance,
  options: BackOfficeOptions,
): Promise<void> {
  const webDir = resolve(options.webDir ?? defaultWebDir);
  // Only the reply.sendFile helper; which file to send is decided below.
  await app.register(fastifyStatic, { serve: false });

  function sendIndex(request: FastifyRequest, reply: FastifyReply) {
    if (!existsSync(join(webDir, 'index.html'))) {
      return reply.code(503).type('text/html; charset=utf-8').send(renderBuildMissing(request));
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', webDir, { cacheControl: false });
  }

  app.get(
    '/app',
    { config: { permission: 'public', audit: null }, schema: { hide: true } },
    sendIndex,
  );

  app.get<{ Params: { '*': string } }>('/app/*', { schema: { hide: true } }, (request, reply) => {
    const wanted = request.params['*'];
    const file = builtFile(webDir, wanted);
    if (file === 'index.html' || (file === null && extname(wanted) === '')) {
      return sendIndex(request, reply);
    }
    // A missing script or stylesheet is a 404, never the index (which would not parse as one).
    if (file === null) throw notFound();
    reply.header(
      'cache-control',
      file.startsWith(`assets${sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=3600',
    );
    return reply.sendFile(file, webDir, { cacheControl: false });
  });
}
