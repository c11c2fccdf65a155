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

/** `effort` trades time for size: high for assets compressed once, low for each page. */
export function compress(body: Buffer, encoding: Encoding, effort: 'once' | 'per_request'): Buffer {
  if (encoding === 'br') {
    const quality = effort === 'once' ? 9 : 4;
    return brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: quality } });
  }
  return gzipSync(body, { level: effort === 'once' ? 9 : 6 });
}
