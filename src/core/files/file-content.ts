import { fileTypeFromBuffer } from 'file-type';

/**
 * What a stored file may be. The kind is decided by the content (magic bytes), never by the
 * name or the type the client declared: a page saved as `photo.jpg` is still a page, and a
 * browser that sniffed it could run its scripts.
 */
export const fileFamilies = ['pdf', 'jpeg', 'png', 'webp', 'text'] as const;
export type FileFamily = (typeof fileFamilies)[number];

export const mediaTypeOf: Record<FileFamily, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  text: 'text/plain; charset=utf-8',
};

/** Why a file is refused; stable codes the routes turn into field messages. */
export type FileRefusal =
  'empty' | 'too_large' | 'markup' | 'type_not_allowed' | 'unrecognised' | 'damaged' | 'encrypted';

export class FileRefusedError extends Error {
  readonly reason: FileRefusal;
  /** The type the content was recognised as, when it was (for logs and tests, never trusted). */
  readonly detected: string | undefined;
  constructor(reason: FileRefusal, detected?: string, options?: { cause?: unknown }) {
    super(`file refused: ${reason}${detected ? ` (${detected})` : ''}`, options);
    this.reason = reason;
    this.detected = detected;
  }
}

const familyOfMime: Record<string, FileFamily> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  // An animated PNG is a PNG whose first frame every reader shows; re-encoding keeps that frame.
  'image/apng': 'png',
  'image/webp': 'webp',
};

// Text a browser or a shell could run: anything a browser would sniff as markup (it starts
// with "<"), HTML, SVG or XML tags further in, and scripts with an interpreter line.
const activeTextPattern =
  /^\s*(?:<|#!)|<(?:!doctype|\?xml|html|head|body|script|svg|iframe|object|embed|meta|style)\b/i;

function isPlainText(bytes: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  for (const character of text) {
    const code = character.charCodeAt(0);
    // Tab, line feed, form feed and carriage return are the only control characters of text.
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 127) {
      return false;
    }
  }
  return true;
}

/**
 * The family of a file from its bytes alone, or a refusal. Binary kinds come from `file-type`'s
 * signatures; text is accepted only as UTF-8 without NULs nor markup.
 */
export async function detectFileFamily(bytes: Buffer): Promise<FileFamily> {
  if (bytes.length === 0) throw new FileRefusedError('empty');
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    const family = familyOfMime[detected.mime];
    if (!family) throw new FileRefusedError('type_not_allowed', detected.mime);
    return family;
  }
  if (!isPlainText(bytes)) throw new FileRefusedError('unrecognised');
  const start = bytes
    .subarray(0, 64 * 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (activeTextPattern.test(start)) throw new FileRefusedError('markup', 'text/html');
  return 'text';
}

/** The family if it is one the purpose accepts, else the refusal naming what it was. */
export async function acceptFile(
  bytes: Buffer,
  allowed: readonly FileFamily[],
  maxBytes: number,
): Promise<FileFamily> {
  if (bytes.length > maxBytes) throw new FileRefusedError('too_large');
  const family = await detectFileFamily(bytes);
  if (!allowed.includes(family))
    throw new FileRefusedError('type_not_allowed', mediaTypeOf[family]);
  return family;
}

/**
 * A file name safe to put in a Content-Disposition header and on any file system: the base
 * name only, no control or reserved characters, at most 100 characters, with the extension of
 * the family the content really is.
 */
export function safeFileName(name: string, family: FileFamily): string {
  const extension = { pdf: 'pdf', jpeg: 'jpg', png: 'png', webp: 'webp', text: 'txt' }[family];
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/\.[^.]*$/, '')
    // Control and format characters (a right-to-left override can disguise the extension).
    .replace(/[\p{Cc}\p{Cf}"*:<>?|\\/;%]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 100)
    .trim();
  return `${base === '' ? 'document' : base}.${extension}`;
}
