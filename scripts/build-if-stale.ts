import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Builds the back-office SPA when its sources are newer than the last build, so that
 * `npm install && npm start` works on a fresh clone and `npm start` stays fast afterwards.
 */
const root = join(import.meta.dirname, '..');
const output = join(root, 'dist', 'web', 'index.html');
const sources = [join(root, 'web'), join(root, 'src', 'i18n', 'messages')];

function newestModification(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestModification(join(path, entry))),
    stats.mtimeMs,
  );
}

const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0;
const changedAt = Math.max(...sources.filter(existsSync).map(newestModification));

if (builtAt >= changedAt) process.exit(0);

console.log('Building the back office (web/ → dist/web)…');
const result = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts'],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
