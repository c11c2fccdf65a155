import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

describe('embedded database lock', () => {
  const dataDir = () => join(mkdtempSync(join(tmpdir(), 'osservatorio-lock-')), 'pglite');

  it('keeps a second process out while the first holds the folder', () => {
    const dir = dataDir();
    // The parent of this test runner is certainly alive and is not us.
    writeFileSync(`${dir}.lock`, String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });

  it('takes over a lock left by a process that has ended, and releases it', () => {
    const dir = dataDir();
    writeFileSync(`${dir}.lock`, '999999999');
    const release = lockDataDir(dir);
    expect(existsSync(`${dir}.lock`)).toBe(true);
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});
