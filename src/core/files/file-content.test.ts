import { describe, expect, it } from 'vitest';
import {
  acceptFile,
  detectFileFamily,
  FileRefusedError,
  safeFileName,
  type FileRefusal,
} from './file-content.ts';

async function refusal(promise: Promise<unknown>): Promise<FileRefusal> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof FileRefusedError)) throw new Error('expected a refusal');
  return error.reason;
}

const pngHeader = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('detecting a file by its content', () => {
  it('recognises the accepted families by their signatures', async () => {
    expect(await detectFileFamily(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('pdf');
    expect(await detectFileFamily(Buffer.from('ffd8ffe000104a46494600', 'hex'))).toBe('jpeg');
    expect(await detectFileFamily(Buffer.concat([pngHeader, Buffer.alloc(32)]))).toBe('png');
    const webp = Buffer.concat([
      Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '),
      Buffer.alloc(16),
    ]);
    expect(await detectFileFamily(webp)).toBe('webp');
    expect(await detectFileFamily(Buffer.from('Protocollo d’intesa — رفض\r\n\tfirmato'))).toBe(
      'text',
    );
    expect(await detectFileFamily(Buffer.from('# Verbale\n1 < 2 e 3 > 2'))).toBe('text');
  });

  it('refuses markup and scripts whatever the name says, and other kinds', async () => {
    const cases: [string | Buffer, FileRefusal][] = [
      ['<!doctype html><script>alert(1)</script>', 'markup'],
      ['\n  <html><body>ciao</body></html>', 'markup'],
      ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'markup'],
      ['<?xml version="1.0"?><x/>', 'type_not_allowed'],
      ['Testo innocuo\n<script>alert(1)</script>', 'markup'],
      ['#!/bin/sh\nrm -rf /', 'markup'],
      ['', 'empty'],
      [Buffer.from('testo\u0000con NUL'), 'unrecognised'],
      [Buffer.from([0xc3, 0x28, 0x41]), 'unrecognised'],
      [Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 'type_not_allowed'],
      [Buffer.concat([Buffer.from('7f454c46', 'hex'), Buffer.alloc(60, 1)]), 'type_not_allowed'],
      [Buffer.from('GIF89a\u0001\u0000\u0001\u0000'), 'type_not_allowed'],
    ];
    for (const [content, reason] of cases) {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      expect([String(content).slice(0, 20), await refusal(detectFileFamily(bytes))]).toEqual([
        String(content).slice(0, 20),
        reason,
      ]);
    }
  });

  it('accepts only the families of the purpose and refuses oversized files first', async () => {
    const html = Buffer.from('<html><body><img src=x onerror=alert(1)></body></html>');
    expect(await refusal(acceptFile(html, ['jpeg'], 1000))).toBe('markup');
    expect(await refusal(acceptFile(Buffer.from('plain text'), ['pdf'], 1000))).toBe(
      'type_not_allowed',
    );
    expect(await refusal(acceptFile(Buffer.alloc(1001, 65), ['text'], 1000))).toBe('too_large');
    expect(await acceptFile(Buffer.from('%PDF-1.4\n'), ['pdf'], 1000)).toBe('pdf');
  });
});

describe('safe file names', () => {
  it('keeps the base name and gives the extension of the real content', () => {
    expect(safeFileName('Protocollo UNAR 2024.PDF', 'pdf')).toBe('Protocollo UNAR 2024.pdf');
    expect(safeFileName('C:\\Users\\mario\\foto.jpg', 'jpeg')).toBe('foto.jpg');
    expect(safeFileName('../../etc/passwd', 'text')).toBe('passwd.txt');
    expect(safeFileName('evil".html', 'pdf')).toBe('evil.pdf');
    expect(safeFileName('a\r\nSet-Cookie: x;.pdf', 'pdf')).toBe('aSet-Cookie x.pdf');
    expect(safeFileName('...', 'pdf')).toBe('document.pdf');
    expect(safeFileName('fattura\u202Efdp.exe', 'pdf')).toBe('fatturafdp.pdf');
    expect(safeFileName('x'.repeat(500), 'pdf')).toHaveLength(104);
  });
});
