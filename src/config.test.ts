import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const key = Buffer.alloc(32, 7).toString('base64');
const keys = { MASTER_KEYS: `v1:${key}`, HASH_KEY: key };

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('configuration', () => {
  it('defaults to the embedded database in ./data on port 3000', () => {
    const config = loadConfig({ ...keys });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({
      kind: 'pglite',
      dataDir: join(process.cwd(), 'data', 'pglite'),
    });
    expect(config.session).toEqual({ idleMinutes: 30, absoluteHours: 12 });
    expect(config.demoData).toBe(true);
    expect(config.jobs).toEqual({ enabled: true });
  });

  it('uses PostgreSQL when DATABASE_URL is set, and treats an empty value as unset', () => {
    expect(loadConfig({ ...keys, DATABASE_URL: 'postgres://db/osservatorio' }).database).toEqual({
      kind: 'postgresql',
      url: 'postgres://db/osservatorio',
    });
    expect(loadConfig({ ...keys, DATABASE_URL: '' }).database.kind).toBe('pglite');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ HASH_KEY: 'c2hvcnQ=' }, 'HASH_KEY'],
    [{ MASTER_KEYS: 'nonsense' }, 'MASTER_KEYS'],
    [{ MASTER_KEY_CURRENT: 'v9' }, 'MASTER_KEY_CURRENT'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES'],
    [{ JOBS: 'maybe' }, 'JOBS'],
    [{ TIME_ZONE: 'Mars/Olympus' }, 'TIME_ZONE'],
    [{ CASE_ACKNOWLEDGE_WORKING_DAYS: 'two' }, 'CASE_ACKNOWLEDGE_WORKING_DAYS'],
    [{ CASE_RETENTION_MONTHS_CLOSED: '0' }, 'CASE_RETENTION_MONTHS_CLOSED'],
    [{ CASE_ACKNOWLEDGE_WORKING_DAYS: '6' }, 'CASE_TAKE_IN_CHARGE_WORKING_DAYS'],
  ])('stops on a wrong value and names the variable: %o', (env, variable) => {
    const error = configError({ ...keys, ...env });
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });

  it('never prints a key it refuses', () => {
    const error = configError({ ...keys, HASH_KEY: 'c2VjcmV0LXNob3J0' });
    expect(error.message).not.toContain('c2VjcmV0LXNob3J0');
  });

  it('requires keys from the environment in production on a server', () => {
    expect(configError({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/o' }).variable).toBe(
      'MASTER_KEYS',
    );
  });

  it('generates keys beside the embedded database once, with a warning to back them up', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'osservatorio-config-'));
    const first = loadConfig({ DATA_DIR: dataDir });
    expect(first.warnings[0]).toMatch(/Back this file up/);
    expect(existsSync(join(dataDir, 'keys.json'))).toBe(true);
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(second.warnings).toEqual([]);
    expect(second.hashKey.equals(first.hashKey)).toBe(true);
    expect(readFileSync(join(dataDir, 'keys.json'), 'utf8')).toContain('v1:');
  });

  it('runs without background jobs when JOBS=off', () => {
    expect(loadConfig({ ...keys, JOBS: 'off' }).jobs).toEqual({ enabled: false });
  });

  it('reads response-time targets and retention of cases, with defaults', () => {
    expect(loadConfig({ ...keys }).cases).toEqual({
      timeZone: 'Europe/Rome',
      acknowledgeWorkingDays: 2,
      takeInChargeWorkingDays: 5,
      retentionMonths: { closed: 60, not_pertinent: 12, redirected: 12, withdrawn: 6 },
      inactiveMonths: 36,
    });
    const custom = loadConfig({
      ...keys,
      TIME_ZONE: 'Europe/Berlin',
      CASE_ACKNOWLEDGE_WORKING_DAYS: '1',
      CASE_TAKE_IN_CHARGE_WORKING_DAYS: '3',
      CASE_RETENTION_MONTHS_WITHDRAWN: '2',
      CASE_RETENTION_MONTHS_INACTIVE: '24',
    }).cases;
    expect(custom.timeZone).toBe('Europe/Berlin');
    expect(custom.acknowledgeWorkingDays).toBe(1);
    expect(custom.takeInChargeWorkingDays).toBe(3);
    expect(custom.retentionMonths.withdrawn).toBe(2);
    expect(custom.inactiveMonths).toBe(24);
  });

  it('never enables demo data in production', () => {
    expect(loadConfig({ ...keys, NODE_ENV: 'production', DEMO_DATA: 'true' }).demoData).toBe(false);
  });
});
