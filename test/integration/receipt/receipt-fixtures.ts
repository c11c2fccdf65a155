import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { App } from '../../../src/http/app.ts';
import type { DB } from '../../../src/db/schema.ts';
import type { Config } from '../../../src/config.ts';
import { createCase } from '../../../src/modules/cases/create-case.ts';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import { createOrganisation, type TestContext } from '../../helpers/test-app.ts';

export const PISA = '050026';

/** A node with a desk competent for Pisa, where the test reports are routed. */
export async function setUpDesk(context: TestContext): Promise<{ deskId: string }> {
  const db = context.database.handle.db;
  await loadReferenceData(db);
  const node = await createOrganisation(context, 'Nodo Pisa');
  await db
    .updateTable('organisations')
    .set({ network_role: 'node', network_joined_on: '2020-01-01' })
    .where('id', '=', node.id)
    .execute();
  const { id } = await db
    .insertInto('help_desks')
    .values({
      organisation_id: node.id,
      name: 'Sportello antidiscriminazioni di Pisa',
      municipality_code: PISA,
      channels: ['phone'],
      access_mode: 'walk_in',
      opening_hours: JSON.stringify({ weekly: {}, exceptions: [], closedOnPublicHolidays: true }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('help_desk_municipalities')
    .values({ help_desk_id: id, municipality_code: PISA })
    .execute();
  return { deskId: id };
}

export const NARRATIVE_MARKER = 'Zebedeo Quaglierini';

/** A report from the public form, with its receipt code (shown once to the reporter). */
export async function reportWithReceipt(
  db: Kysely<DB>,
  config: Config,
  consents = { handling: true, sharing: true, statistics: true, contact: false },
): Promise<{ id: string; reference: string; code: string }> {
  const created = await createCase(db, config, {
    source: 'public_form',
    channel: 'web_form',
    narrative: `Il padrone di casa ha rifiutato l'affitto a ${NARRATIVE_MARKER}.`,
    municipalityCode: PISA,
    online: false,
    contact: null,
    locale: 'it',
    reporterRole: null,
    grounds: [],
    domains: [],
    perpetratorSectors: [],
    consents,
    createdBy: null,
    issueReceipt: true,
  });
  return { id: created.id, reference: created.reference, code: created.receiptCode! };
}

/** "1234 5678 9012 3456", as a person copies it from the receipt. */
export const withSpaces = (code: string) => code.replaceAll(/(\d{4})(?=\d)/g, '$1 ');

/** The CSRF token of the (first) form of a page. */
export function formToken(page: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!match) throw new Error('the page has no form token');
  return match[1]!;
}

/**
 * A browser without JavaScript: keeps cookies (by name, with their attributes for inspection),
 * sends forms as a browser does (url-encoded, or multipart with files), follows nothing.
 */
export class FormBrowser {
  readonly app: App;
  cookies = new Map<string, string>();
  setCookieHeaders: string[] = [];
  address = '198.51.100.23';

  constructor(app: App) {
    this.app = app;
  }

  private keep(response: LightMyRequestResponse): LightMyRequestResponse {
    const raw = response.headers['set-cookie'];
    const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
    this.setCookieHeaders.push(...list);
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date }[]) {
      const expired = cookie.expires && cookie.expires.getTime() < Date.now();
      if (expired || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  private cookieHeader(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.app.inject({
        method: 'GET',
        url,
        headers: this.cookieHeader(),
        remoteAddress: this.address,
      }),
    );
  }

  async postForm(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: {
          ...this.cookieHeader(),
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams(fields).toString(),
        remoteAddress: this.address,
      }),
    );
  }

  async postMultipart(
    url: string,
    fields: Record<string, string>,
    files: { name: string; type: string; bytes: Buffer }[],
  ): Promise<LightMyRequestResponse> {
    const boundary = '----receipt-test-boundary';
    const chunks: Buffer[] = [];
    for (const [name, value] of Object.entries(fields)) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        ),
      );
    }
    for (const file of files) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\n` +
            `Content-Type: ${file.type}\r\n\r\n`,
        ),
        file.bytes,
        Buffer.from('\r\n'),
      );
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: {
          ...this.cookieHeader(),
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload: Buffer.concat(chunks),
        remoteAddress: this.address,
      }),
    );
  }

  /** Opens the sign-in page and posts the code, as a reporter does. */
  async signIn(code: string, locale: 'it' | 'en' = 'it'): Promise<LightMyRequestResponse> {
    const path = locale === 'it' ? '/it/ricevuta' : '/en/receipt';
    const form = await this.get(path);
    return this.postForm(path, { _csrf: formToken(form.body), code });
  }
}
