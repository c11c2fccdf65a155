import { benchCaseQueue } from './case-queue.ts';
import { benchIntake } from './intake.ts';
import { benchStartup } from './startup.ts';
import { benchStatsCrossTab } from './stats-crosstab.ts';

/**
 * Performance measurements (reported, never asserted in tests). `npm run bench` runs them all;
 * `npm run bench -- startup` (or `case-queue`, `intake`, `stats-crosstab`) one of them.
 */
const benches: Record<string, () => Promise<unknown>> = {
  startup: benchStartup,
  'case-queue': benchCaseQueue,
  intake: benchIntake,
  'stats-crosstab': benchStatsCrossTab,
};
const chosen = process.argv.slice(2).filter((name) => name in benches);
const results: Record<string, unknown> = {};
for (const name of chosen.length > 0 ? chosen : Object.keys(benches)) {
  results[name] = await benches[name]!();
}
console.log(JSON.stringify(results, null, 2));
