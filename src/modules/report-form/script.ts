import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The one script of the public site: it solves the form's proof of work in the browser
 * (`src/core/intake-guard.ts`), served from this server under the site's strict CSP. Without it
 * the form works the same; the submission only weighs more against the per-address limit.
 */
export const reportScriptPath = join(import.meta.dirname, 'assets', 'proof-of-work.js');

export const reportScriptUrl = `/assets/report-form.js?v=${createHash('sha256')
  .update(readFileSync(reportScriptPath))
  .digest('base64url')
  .slice(0, 10)}`;
