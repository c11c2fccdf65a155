import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { shippedTaxonomies } from './taxonomy-files.ts';

/**
 * Copies the shipped taxonomy versions into the database, where statistics join codes to their
 * labels and mappings. A published version is immutable: a file whose content changed under an
 * already loaded version number stops the start, since cases classified with it would silently
 * change meaning. Costs one query when everything is loaded.
 */
export async function loadTaxonomies(db: Kysely<DB>): Promise<string[]> {
  const loaded = await db.selectFrom('taxonomy_versions').select(['version', 'checksum']).execute();
  const recorded = new Map(loaded.map((row) => [row.version, row.checksum]));
  const added: string[] = [];
  for (const [version, { taxonomy, checksum }] of shippedTaxonomies()) {
    const existing = recorded.get(version);
    if (existing === checksum) continue;
    if (existing !== undefined) {
      throw new Error(
        `taxonomy ${version} was changed after it was published; publish a new version instead`,
      );
    }
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('taxonomy_versions')
        .values({ version, published_on: taxonomy.publishedOn, checksum })
        .execute();
      await trx
        .insertInto('taxonomy_codes')
        .values(
          taxonomy.codes.map((entry) => ({
            version,
            facet: entry.facet,
            code: entry.code,
            parent_code: entry.parent,
            position: entry.position,
            label_it: entry.labels.it,
            label_en: entry.labels.en,
            public_label_it: entry.publicLabels?.it ?? null,
            public_label_en: entry.publicLabels?.en ?? null,
            mappings: JSON.stringify(entry.mappings),
          })),
        )
        .execute();
    });
    added.push(`taxonomy-${version}`);
  }
  return added;
}
