import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/db/schema.ts';
import type { TestClient } from '../../helpers/test-app.ts';

/** The value of a hidden (or any) input in a page, by name. */
export function inputValue(page: string, name: string): string {
  const match = new RegExp(`name="${name}"\\s+value="([^"]*)"`).exec(page);
  if (!match) throw new Error(`no input ${name} in page`);
  return match[1]!.replaceAll('&amp;', '&');
}

export type Fields = Record<string, string | string[]>;

function encode(fields: Fields): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of [value].flat()) params.append(name, item);
  }
  return params.toString();
}

/** Posts a form as a browser does, with the CSRF and form tokens of the page it came from. */
export async function postForm(
  client: TestClient,
  url: string,
  page: string,
  fields: Fields,
): Promise<LightMyRequestResponse> {
  return client.request({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: encode({
      _csrf: inputValue(page, '_csrf'),
      form_token: inputValue(page, 'form_token'),
      ...fields,
    }),
  });
}

export interface UploadFile {
  name: string;
  type: string;
  bytes: Buffer;
}

export function multipartBody(fields: Fields, files: UploadFile[]) {
  const boundary = `----osservatorio${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const item of [value].flat()) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${item}\r\n`,
        ),
      );
    }
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(
  client: TestClient,
  url: string,
  page: string,
  fields: Fields,
  files: UploadFile[],
): Promise<LightMyRequestResponse> {
  const { body, contentType } = multipartBody(
    { _csrf: inputValue(page, '_csrf'), form_token: inputValue(page, 'form_token'), ...fields },
    files,
  );
  return client.request({ method: 'POST', url, headers: { 'content-type': contentType }, body });
}

export const PRATO = '100005';

/** A member organisation with an active desk competent for Prato, as in the demo network. */
export async function createCompetentDesk(db: Kysely<DB>) {
  const organisation = await db
    .insertInto('organisations')
    .values({
      name: 'Associazione per i diritti di Prato',
      kind: 'association',
      municipality_code: PRATO,
      network_role: 'node',
      network_joined_on: '2024-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const desk = await db
    .insertInto('help_desks')
    .values({
      organisation_id: organisation.id,
      name: 'Sportello antidiscriminazione di Prato',
      municipality_code: PRATO,
      channels: ['email'],
      email: 'sportello@example.org',
      access_mode: 'both',
      opening_hours: JSON.stringify({ weekly: {}, exceptions: [], closedOnPublicHolidays: true }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('help_desk_municipalities')
    .values({ help_desk_id: desk.id, municipality_code: PRATO })
    .execute();
  return { organisationId: organisation.id, helpDeskId: desk.id };
}

/** The shortest complete report: what happened, who, anonymous with handling consent. */
export async function fillMinimalReport(client: TestClient, narrative: string): Promise<string> {
  let page = (await client.get('/it/segnala/1')).body;
  let response = await postForm(client, '/it/segnala/1', page, { narrative });
  if (response.statusCode !== 303) throw new Error(`step 1: ${response.statusCode}`);
  page = (await client.get('/it/segnala/4')).body;
  response = await postForm(client, '/it/segnala/4', page, {
    role: 'witness',
    perpetrator: 'dont_know',
  });
  if (response.statusCode !== 303) throw new Error(`step 4: ${response.statusCode}`);
  page = (await client.get('/it/segnala/7')).body;
  response = await postForm(client, '/it/segnala/7', page, {
    mode: 'anonymous',
    consents: ['handling'],
  });
  if (response.statusCode !== 303) throw new Error(`step 7: ${response.statusCode}`);
  return (await client.get('/it/segnala/8')).body;
}
