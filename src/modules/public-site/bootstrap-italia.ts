import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { html, unsafeHtml, type SafeHtml } from '../../http/html.ts';

const packageJson = createRequire(import.meta.url).resolve('bootstrap-italia/package.json');

/** Bootstrap Italia's built files (CSS, fonts, SVG sprites) as installed by npm. */
export const bootstrapItaliaDist = join(dirname(packageJson), 'dist');
export const bootstrapItaliaVersion = (
  JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }
).version;

let symbols: Map<string, { viewBox: string; body: string }> | undefined;

function loadSymbols() {
  const sprites = readFileSync(join(bootstrapItaliaDist, 'svg', 'sprites.svg'), 'utf8');
  const found = new Map<string, { viewBox: string; body: string }>();
  for (const match of sprites.matchAll(
    /<symbol id="(it-[a-z0-9-]+)" viewBox="([0-9 .-]+)">([\s\S]*?)<\/symbol>/g,
  )) {
    found.set(match[1]!, { viewBox: match[2]!, body: match[3]! });
  }
  return found;
}

/**
 * A Bootstrap Italia icon drawn inline: a page needs two or three icons, and the whole sprite
 * sheet (90 KB) would cost more than the page. The markup comes from the package, not from users.
 */
export function icon(name: string, classes = ''): SafeHtml {
  symbols ??= loadSymbols();
  const symbol = symbols.get(name);
  if (!symbol) throw new Error(`Bootstrap Italia has no icon ${name}`);
  return html`<svg
    class="icon ${classes}"
    viewBox="${symbol.viewBox}"
    aria-hidden="true"
    focusable="false"
  >
    ${unsafeHtml(symbol.body)}
  </svg>`;
}
