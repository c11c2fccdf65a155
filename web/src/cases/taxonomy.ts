import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { getTaxonomy } from '../api/cases.ts';
import type { Taxonomy, TaxonomyEntry } from '../api/cases.ts';

export interface TaxonomyState {
  taxonomy: Taxonomy | null;
  error: unknown;
}

// Taxonomy versions never change once published: one fetch per version and visit is enough.
const cache = new Map<string, Promise<Taxonomy>>();

function load(version: string | undefined): Promise<Taxonomy> {
  const key = version ?? '';
  let pending = cache.get(key);
  if (!pending) {
    pending = getTaxonomy(version);
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

/** The current taxonomy, or the version a case was classified with. */
export function useTaxonomy(version?: string): TaxonomyState {
  const [state, setState] = useState<TaxonomyState>({ taxonomy: null, error: null });
  useEffect(() => {
    let current = true;
    load(version).then(
      (taxonomy) => {
        if (current) setState({ taxonomy, error: null });
      },
      (error: unknown) => {
        if (current) setState({ taxonomy: null, error });
      },
    );
    return () => {
      current = false;
    };
  }, [version]);
  return state;
}

export type CodeLabel = (facet: string, code: string) => string;

/** The label of a taxonomy code in the interface language (the code itself if unknown). */
export function useTaxonomyLabel(taxonomy: Taxonomy | null): CodeLabel {
  const { locale } = useIntl();
  return useCallback(
    (facet: string, code: string) => {
      const entry = taxonomy?.facets[facet]?.find((candidate) => candidate.code === code);
      if (!entry) return code;
      return locale === 'en' ? entry.labels.en : entry.labels.it;
    },
    [taxonomy, locale],
  );
}

/** Top-level codes of a facet, each with its sub-codes (the ethnic-racial ones, for example). */
export function facetTree(
  taxonomy: Taxonomy | null,
  facet: string,
): { entry: TaxonomyEntry; children: TaxonomyEntry[] }[] {
  const entries = taxonomy?.facets[facet] ?? [];
  return entries
    .filter((entry) => entry.parent === null)
    .map((entry) => ({
      entry,
      children: entries.filter((child) => child.parent === entry.code),
    }));
}

/** Checkbox options of a facet's top-level codes. */
export function facetOptions(
  taxonomy: Taxonomy | null,
  facet: string,
  label: CodeLabel,
): { value: string; label: string }[] {
  return facetTree(taxonomy, facet).map(({ entry }) => ({
    value: entry.code,
    label: label(facet, entry.code),
  }));
}
