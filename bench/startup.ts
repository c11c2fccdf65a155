import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Budget: < 10 s from `npm start` to a served page with the embedded database and demo data.
 * Measures the first start on an empty data folder (migrations, reference data, demo data) and
 * a second start on the same folder, from process spawn to the first 200 on `/`.
 */
const root = join(import.meta.dirname, '..');

async function timeStart(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (performance.now() - started > 60_000) throw new Error('no page within 60 s');
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'follow' });
        if (response.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

export async function benchStartup(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'osservatorio-bench-'));
  try {
    const first = await timeStart(dataDir, 39_871);
    const second = await timeStart(dataDir, 39_872);
    return { firstStartMs: Math.round(first), secondStartMs: Math.round(second) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
