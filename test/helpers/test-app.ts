import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Role } from '../../src/core/policy.ts';
import { buildApp, type App } from '../../src/http/app.ts';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

export interface TestContext {
  app: App;
  config: Config;
  database: TestDatabase;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const key = (bytes = 32) => randomBytes(bytes).toString('base64');
  const base = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/tmp/osservatorio-test-unused',
    MASTER_KEYS: `v1:${key()}`,
    HASH_KEY: key(),
  });
  return { ...base, ...overrides };
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = testConfig({ ...overrides, database: database.config });
  const app = await buildApp({ config, database: database.handle, version: '0.0.0-test' });
  await app.ready();
  return {
    app,
    config,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

let counter = 0;

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

/** Factory: an account with the given memberships (organisations are created when missing). */
export async function createUser(
  context: TestContext,
  options: { roles?: Role[]; organisationId?: string; email?: string; disabled?: boolean } = {},
): Promise<TestUser> {
  const { db } = context.database.handle;
  counter += 1;
  const email = options.email ?? `user${counter}-${randomBytes(3).toString('hex')}@example.org`;
  const password = `correct horse battery ${counter}`;
  const user = await db
    .insertInto('users')
    .values({
      email,
      display_name: `Test User ${counter}`,
      password_hash: await hashPassword(password),
      disabled_at: options.disabled ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const organisationId = options.organisationId ?? (await createOrganisation(context)).id;
  for (const role of options.roles ?? []) {
    await db
      .insertInto('memberships')
      .values({ user_id: user.id, organisation_id: organisationId, role })
      .execute();
  }
  return { id: user.id, email, password };
}

export async function createOrganisation(context: TestContext, name?: string) {
  counter += 1;
  return context.database.handle.db
    .insertInto('organisations')
    .values({
      name: name ?? `Organisation ${counter}`,
      kind: 'association',
      municipality_code: null,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

/** A browser-like client: keeps cookies and the CSRF token between requests. */
export class TestClient {
  readonly app: App;
  cookies = new Map<string, string>();
  csrfToken = '';
  address = '203.0.113.7';

  constructor(app: App) {
    this.app = app;
  }

  async request(options: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    body?: unknown;
    headers?: Record<string, string>;
    csrf?: boolean;
  }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) {
      headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    if (options.method !== 'GET' && options.csrf !== false && this.csrfToken) {
      headers['x-csrf-token'] = this.csrfToken;
    }
    const response = await this.app.inject({
      method: options.method,
      url: options.url,
      headers,
      remoteAddress: this.address,
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    });
    for (const cookie of response.cookies as Array<{
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }>) {
      const expired =
        cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now());
      if (expired || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const body: unknown = response.headers['content-type']?.toString().includes('json')
      ? response.json()
      : null;
    if (body && typeof body === 'object' && 'csrfToken' in body) {
      this.csrfToken = String((body as { csrfToken: string }).csrfToken);
    }
    return response;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request({ method: 'GET', url, ...(headers ? { headers } : {}) });
  }

  post(url: string, body?: unknown) {
    return this.request({ method: 'POST', url, body });
  }

  async signIn(user: { email: string; password: string }): Promise<LightMyRequestResponse> {
    await this.get('/api/auth/session');
    return this.post('/api/auth/login', { email: user.email, password: user.password });
  }
}
