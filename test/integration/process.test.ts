import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/test-db.ts';

const root = join(import.meta.dirname, '..', '..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

interface Running {
  port: number;
  output: () => string;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

function startServer(env: Record<string, string>, port: number): Running {
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'development' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    port,
    output: () => output,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    kill: (signal) => child.kill(signal),
  };
}

async function waitForHealth(server: Running): Promise<{ status: string; database: string }> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/health`);
      if (response.ok) return (await response.json()) as { status: string; database: string };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not start:\n${server.output()}`);
}

describe('the server process', () => {
  let database: TestDatabase | undefined;
  const env: Record<string, string> = {};

  beforeAll(async () => {
    env['DATA_DIR'] = mkdtempSync(join(tmpdir(), 'osservatorio-process-'));
    if (testDatabaseKind === 'postgresql') {
      database = await createTestDatabase({ migrate: false });
      await database.handle.close();
      if (database.config.kind === 'postgresql') env['DATABASE_URL'] = database.config.url;
    }
  });
  afterAll(async () => {
    if (database) await database.drop().catch(() => undefined);
  });

  it('starts with demo data, prints the demo accounts, and stops cleanly on SIGTERM', async () => {
    const server = startServer(env, await freePort());
    const health = await waitForHealth(server);
    expect(health).toMatchObject({ status: 'ok', database: testDatabaseKind });
    expect(server.output()).toContain('Demo accounts');
    server.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    // The data survived the shutdown: a second start finds the demo users and seeds nothing.
    const again = startServer(env, await freePort());
    await waitForHealth(again);
    expect(again.output()).not.toContain('Demo accounts');
    again.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('refuses to start on a wrong setting and names it', async () => {
    const server = startServer({ ...env, SESSION_IDLE_MINUTES: 'soon' }, await freePort());
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('SESSION_IDLE_MINUTES');
    expect(server.output()).not.toMatch(/\s+at .*\.ts:\d+/);
  });
});
