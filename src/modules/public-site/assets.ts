import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bootstrapItaliaDist, bootstrapItaliaVersion } from './bootstrap-italia.ts';
import { reportScriptPath } from '../report-form/script.ts';
import { acceptedEncoding, compressOnce, type Encoding } from './compression.ts';

interface TextAsset {
  contentType: string;
  etag: string;
  identity: Buffer;
  encoded: Partial<Record<Encoding, Buffer>>;
}

/**
 * A text asset kept in memory with its compressed forms: Bootstrap Italia's CSS is 600 KB as
 * shipped and 75 KB with Brotli. Compression happens on first use, so starting stays fast.
 */
function textAsset(
  path: string,
  contentType: string,
  transform: (text: string) => string = (text) => text,
): () => TextAsset {
  let asset: TextAsset | undefined;
  return () => {
    if (asset) return asset;
    const identity = Buffer.from(transform(readFileSync(path, 'utf8')));
    asset = {
      contentType,
      etag: createHash('sha256').update(identity).digest('base64url').slice(0, 16),
      identity,
      encoded: { br: compressOnce(identity, 'br'), gzip: compressOnce(identity, 'gzip') },
    };
    return asset;
  };
}

/**
 * Bootstrap Italia's CSS embeds the Video.js icon font as a data: URI, which Chromium loads
 * eagerly and the CSP (`font-src 'self'`) then blocks with a console error on every page. The
 * public site shows no video player, so the rule is dropped (as the back office's build does).
 */
function withoutVideoJsFont(css: string): string {
  return css.replace(/@font-face\{font-family:VideoJS;[^}]*\}/g, '');
}

function sendTextAsset(request: FastifyRequest, reply: FastifyReply, asset: TextAsset) {
  const encoding = acceptedEncoding(request.headers['accept-encoding']);
  const etag = `"${asset.etag}${encoding ? `-${encoding}` : ''}"`;
  // Addresses carry a version (?v=…), so a changed file is a new address and may be cached long.
  reply
    .header('cache-control', 'public, max-age=31536000, immutable')
    .header('vary', 'accept-encoding')
    .header('etag', etag)
    .type(asset.contentType);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  if (encoding) reply.header('content-encoding', encoding);
  return reply.send(encoding ? asset.encoded[encoding] : asset.identity);
}

const ownAssetsDir = join(import.meta.dirname, 'assets');
const contentVersion = (file: string) =>
  createHash('sha256')
    .update(readFileSync(join(ownAssetsDir, file)))
    .digest('base64url')
    .slice(0, 10);

/** Addresses of the stylesheets, with the version that makes long caching safe. */
export const stylesheetUrls = [
  `/assets/bootstrap-italia/css/bootstrap-italia.min.css?v=${bootstrapItaliaVersion}`,
  `/assets/site.css?v=${contentVersion('site.css')}`,
];
export const faviconUrl = `/assets/favicon.svg?v=${contentVersion('favicon.svg')}`;

/**
 * Serves Bootstrap Italia (CSS, fonts, SVG sprites; not its JavaScript, which the public site
 * does not need) and the site's own stylesheet, all from this server: no request leaves for a CDN.
 */
export async function publicAssets(app: FastifyInstance): Promise<void> {
  const textAssets: Record<string, () => TextAsset> = {
    '/assets/bootstrap-italia/css/bootstrap-italia.min.css': textAsset(
      join(bootstrapItaliaDist, 'css', 'bootstrap-italia.min.css'),
      'text/css; charset=utf-8',
      withoutVideoJsFont,
    ),
    '/assets/bootstrap-italia/svg/sprites.svg': textAsset(
      join(bootstrapItaliaDist, 'svg', 'sprites.svg'),
      'image/svg+xml',
    ),
    '/assets/site.css': textAsset(join(ownAssetsDir, 'site.css'), 'text/css; charset=utf-8'),
    '/assets/favicon.svg': textAsset(join(ownAssetsDir, 'favicon.svg'), 'image/svg+xml'),
    '/assets/report-form.js': textAsset(reportScriptPath, 'text/javascript; charset=utf-8'),
  };
  for (const [url, asset] of Object.entries(textAssets)) {
    app.get(url, { config: { permission: 'public', audit: null } }, (request, reply) =>
      sendTextAsset(request, reply, asset()),
    );
  }

  // Font files are already compressed (woff2) and only change with a new Bootstrap Italia.
  await app.register(fastifyStatic, {
    root: join(bootstrapItaliaDist, 'fonts'),
    prefix: '/assets/bootstrap-italia/fonts/',
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    maxAge: '30d',
    allowedPath: (pathName) => /\.(woff2?|ttf)$/.test(pathName),
  });
}
