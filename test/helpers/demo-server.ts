import { chromium, type Browser } from 'playwright-core';
import { migrate } from '../../src/db/migrate.ts';
import { buildApp, type App } from '../../src/http/app.ts';
import { loadReferenceData } from '../../src/modules/reference/load-reference-data.ts';
import { seedDemoCases } from '../../src/seed/demo-cases.ts';
import { seedDemoData, type DemoCredential } from '../../src/seed/demo.ts';
import { testConfig } from './test-app.ts';
import { createTestDatabase } from './test-db.ts';

export interface DemoServer {
  app: App;
  baseUrl: string;
  demo: DemoCredential[];
  close(): Promise<void>;
}

/** The real server on a free loopback port with the demo network, on the test database. */
export async function startDemoServer(): Promise<DemoServer> {
  const database = await createTestDatabase({ migrate: false });
  await migrate(database.handle);
  await loadReferenceData(database.handle.db);
  const demo = await seedDemoData(database.handle.db);
  const config = testConfig({ database: database.config });
  await seedDemoCases(database.handle.db, config);
  const app = await buildApp({ config, database: database.handle, version: '0.0.0-demo' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    demo,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** Debian's Chromium, with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
