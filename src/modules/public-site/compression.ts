import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/**
 * The best compression the client accepts. The embedded deployment has no proxy in front to
 * compress responses, and the public site must stay light on a cheap phone's connection.
 */
export function acceptedEncoding(header: string | undefined): Encoding | null {
  const accepted = new Set(
    (header ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => q === undefined || Number(q.trim().replace(/^q=/, '')) > 0)
      .map(([name]) => name?.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

/**
 * Assets are compressed once, at high effort, and kept in memory (pages and API answers are
 * compressed per request by @fastify/compress, which leaves these already-encoded bodies alone).
 */
export function compressOnce(body: Buffer, encoding: Encoding): Buffer {
  if (encoding === 'br') {
    return brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } });
  }
  return gzipSync(body, { level: 9 });
}
