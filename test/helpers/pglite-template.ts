import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Global setup of the PGlite suites: migrates one embedded database and dumps its data folder,
 * so that each test file starts from a copy (about 2 s) instead of running initdb and every
 * migration again (10 s and more on a busy machine).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  try {
    await migrate(handle);
    const dump = await handle.pglite!.database.dumpDataDir('none');
    const path = join(tmpdir(), `osservatorio-pglite-template-${process.pid}.tar`);
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteTemplate', path);
    return () => rmSync(path, { force: true });
  } finally {
    await handle.close();
  }
}

let cached: Blob | null | undefined;

/** The migrated template for this test run, when the suite was started with the setup above. */
export async function pgliteTemplate(): Promise<Blob | null> {
  if (cached !== undefined) return cached;
  cached = null;
  if (process.env['VITEST']) {
    const { inject } = await import('vitest');
    const path = inject('pgliteTemplate');
    if (path) cached = new Blob([readFileSync(path)]);
  }
  return cached;
}
