import { expect } from 'vitest';
import type { TestClient } from '../../helpers/test-app.ts';

/** A multipart/form-data body with one file, as a browser sends it. */
export function multipart(fileName: string, content: Buffer | string) {
  const boundary = `----osservatorio${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

type Change = Record<string, { from: unknown; to: unknown }>;

export interface Preview {
  previewId: string;
  rows: number;
  create: { row: number; name: string; organisationId: string | null; changes: Change }[];
  update: { row: number; name: string; organisationId: string | null; changes: Change }[];
  unchanged: number;
  helpDesks: {
    create: { row: number; name: string; organisationName: string; changes: Change }[];
    update: { row: number; name: string; helpDeskId: string; changes: Change }[];
    unchanged: number;
  };
  rejected: { row: number; column: string; reason: string; sheet?: string }[];
  ignoredColumns: string[];
}

export function importClient(client: TestClient) {
  const upload = (fileName: string, content: Buffer | string, locale = 'it') => {
    const { body, contentType } = multipart(fileName, content);
    return client.request({
      method: 'POST',
      url: '/api/network/import/preview',
      body,
      headers: { 'content-type': contentType, 'accept-language': locale },
    });
  };
  return {
    upload,
    async preview(fileName: string, content: Buffer | string, locale = 'it'): Promise<Preview> {
      const response = await upload(fileName, content, locale);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<Preview>();
    },
    confirm: (previewId: string) => client.post(`/api/network/import/${previewId}/confirm`),
  };
}

/** A CSV as Italian Excel saves it: BOM, semicolons, CRLF. */
export const excelCsv = (lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;
