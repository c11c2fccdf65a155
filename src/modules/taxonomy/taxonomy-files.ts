import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTaxonomy, type Taxonomy } from '../../core/taxonomy/taxonomy.ts';
import { referenceDataDir } from '../reference/paths.ts';

/**
 * The taxonomy versions shipped with the code (`src/reference/data/taxonomy/<version>.json`),
 * parsed once. The newest is the one new cases are classified with; older ones stay readable
 * for the cases that keep them.
 */
const TAXONOMY_DIR = join(referenceDataDir, 'taxonomy');

export interface ShippedTaxonomy {
  taxonomy: Taxonomy;
  checksum: string;
}

let shipped: Map<string, ShippedTaxonomy> | undefined;

function compareVersions(a: string, b: string): number {
  const [yearA, numberA] = a.split('.').map(Number) as [number, number];
  const [yearB, numberB] = b.split('.').map(Number) as [number, number];
  return yearA - yearB || numberA - numberB;
}

export function shippedTaxonomies(): Map<string, ShippedTaxonomy> {
  if (shipped) return shipped;
  const found = new Map<string, ShippedTaxonomy>();
  for (const name of readdirSync(TAXONOMY_DIR).filter((file) => file.endsWith('.json'))) {
    const bytes = readFileSync(join(TAXONOMY_DIR, name));
    const taxonomy = parseTaxonomy(JSON.parse(bytes.toString('utf8')));
    if (`${taxonomy.version}.json` !== name) {
      throw new Error(`taxonomy file ${name} declares version ${taxonomy.version}`);
    }
    found.set(taxonomy.version, {
      taxonomy,
      checksum: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  shipped = new Map([...found].sort(([a], [b]) => compareVersions(a, b)));
  return shipped;
}

export function currentTaxonomy(): Taxonomy {
  const versions = [...shippedTaxonomies().values()];
  const latest = versions.at(-1);
  if (!latest) throw new Error(`no taxonomy in ${TAXONOMY_DIR}`);
  return latest.taxonomy;
}

export function taxonomyVersion(version: string): Taxonomy | null {
  return shippedTaxonomies().get(version)?.taxonomy ?? null;
}
