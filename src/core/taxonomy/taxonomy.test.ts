import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkClassification, emptyClassification, isIntersectional } from './classification.ts';
import { codesOf, facets, findCode, parseTaxonomy, topLevelCode } from './taxonomy.ts';

const shippedFile = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../reference/data/taxonomy/2026.1.json'), 'utf8'),
) as unknown;

const mappings = { unar: 'u', euDirective: null, odihr: 'o', equalityBody: 'e' };
const leaf = (code: string) => ({ code, it: `it ${code}`, en: `en ${code}`, mappings });

function minimalFile(ground: unknown[] = [leaf('age')]) {
  return {
    version: '2099.1',
    publishedOn: '2099-01-01',
    description: 'test',
    facets: Object.fromEntries(
      facets.map((facet) => [facet, facet === 'ground' ? ground : [leaf(`${facet}_one`)]]),
    ),
  };
}

describe('the shipped taxonomy 2026.1', () => {
  const taxonomy = parseTaxonomy(shippedFile);

  it('parses, with every facet filled', () => {
    expect(taxonomy.version).toBe('2026.1');
    for (const facet of facets) expect(codesOf(taxonomy, facet).length).toBeGreaterThan(0);
  });

  it('labels every code in Italian and English and maps it to all four schemes', () => {
    for (const entry of taxonomy.codes) {
      expect(entry.labels.it.trim(), entry.code).not.toBe('');
      expect(entry.labels.en.trim(), entry.code).not.toBe('');
      expect(Object.keys(entry.mappings).sort(), entry.code).toEqual([
        'equalityBody',
        'euDirective',
        'odihr',
        'unar',
      ]);
    }
  });

  it('holds the outcomes the workflow implies', () => {
    for (const code of ['redirected', 'withdrawn', 'not_discrimination']) {
      expect(findCode(taxonomy, 'outcome', code), code).not.toBeNull();
    }
  });

  it('keeps ethnic-racial sub-codes under their ground', () => {
    expect(findCode(taxonomy, 'ground', 'anti_black')?.parent).toBe('racial_ethnic_origin');
    expect(topLevelCode(taxonomy, 'ground', 'anti_black')).toBe('racial_ethnic_origin');
    expect(topLevelCode(taxonomy, 'ground', 'disability')).toBe('disability');
  });

  it('counts a sub-code and its parent as one ground, two grounds as intersectional', () => {
    expect(isIntersectional(taxonomy, ['racial_ethnic_origin', 'anti_black'])).toBe(false);
    expect(isIntersectional(taxonomy, ['anti_black', 'antisemitism'])).toBe(false);
    expect(isIntersectional(taxonomy, ['anti_black', 'sex'])).toBe(true);
    expect(isIntersectional(taxonomy, ['disability'])).toBe(false);
    expect(isIntersectional(taxonomy, [])).toBe(false);
  });

  it('names the field of every classification problem', () => {
    expect(
      checkClassification(taxonomy, {
        ...emptyClassification,
        grounds: ['disability', 'disability', 'martian'],
        primaryGround: 'age',
        perceivedGrounds: ['sex'],
        domains: ['housing', 'moon'],
        perpetratorKind: 'robot',
        reporterRole: 'victim',
      }),
    ).toEqual([
      { field: 'grounds', code: 'duplicate_code', value: 'disability' },
      { field: 'grounds', code: 'unknown_code', value: 'martian' },
      { field: 'domains', code: 'unknown_code', value: 'moon' },
      { field: 'perpetratorKind', code: 'unknown_code', value: 'robot' },
      { field: 'primaryGround', code: 'flag_without_ground', value: 'age' },
      { field: 'perceivedGrounds', code: 'flag_without_ground', value: 'sex' },
    ]);
    expect(
      checkClassification(taxonomy, {
        ...emptyClassification,
        grounds: ['anti_black', 'sex'],
        primaryGround: 'anti_black',
        associationGrounds: ['sex'],
        domains: ['housing'],
        reporterRole: 'victim',
      }),
    ).toEqual([]);
  });

  it('does not accept a code of one facet in another', () => {
    expect(
      checkClassification(taxonomy, { ...emptyClassification, domains: ['disability'] }),
    ).toEqual([{ field: 'domains', code: 'unknown_code', value: 'disability' }]);
  });
});

describe('parsing a taxonomy file', () => {
  it('accepts a minimal valid file', () => {
    const taxonomy = parseTaxonomy(minimalFile());
    expect(taxonomy.codes).toHaveLength(facets.length);
    expect(taxonomy.codes[0]).toMatchObject({ facet: 'ground', code: 'age', position: 0 });
  });

  it('refuses a missing facet, a bad code, a missing label or mapping', () => {
    const noFacet = minimalFile();
    delete (noFacet.facets as Record<string, unknown>)['outcome'];
    expect(() => parseTaxonomy(noFacet)).toThrow();
    expect(() => parseTaxonomy(minimalFile([leaf('Bad-Code')]))).toThrow();
    expect(() => parseTaxonomy(minimalFile([{ ...leaf('age'), en: ' ' }]))).toThrow();
    const { unar: _unar, ...partial } = mappings;
    expect(() => parseTaxonomy(minimalFile([{ ...leaf('age'), mappings: partial }]))).toThrow();
    expect(() => parseTaxonomy(minimalFile([{ ...leaf('age'), extra: 1 }]))).toThrow();
    expect(() => parseTaxonomy({ ...minimalFile(), version: 'v1' })).toThrow();
  });

  it('refuses a code twice in a facet, sub-codes included', () => {
    expect(() => parseTaxonomy(minimalFile([leaf('age'), leaf('age')]))).toThrow(/appears twice/);
    expect(() =>
      parseTaxonomy(minimalFile([{ ...leaf('origin'), children: [leaf('origin')] }])),
    ).toThrow(/appears twice/);
  });

  it('lets the same code live in two facets', () => {
    const file = minimalFile([leaf('shared')]);
    (file.facets as Record<string, unknown>)['domain'] = [leaf('shared')];
    const taxonomy = parseTaxonomy(file);
    expect(findCode(taxonomy, 'ground', 'shared')).not.toBeNull();
    expect(findCode(taxonomy, 'domain', 'shared')).not.toBeNull();
  });
});
