import type { Kysely } from 'kysely';
import { isOpenAt } from '../../../core/opening-hours.ts';
import { helpDeskServices } from '../../../core/help-desk.ts';
import type { DB } from '../../../db/schema.ts';
import {
  deskTimeZone,
  desksCompetentFor,
  desksInProvinces,
  findPlaces,
  loadAllDesks,
  loadDesksByIds,
  type PlaceMatch,
  type PublicDesk,
} from './desks.ts';

/** The search form's fields as they arrive in the address (all optional, all untrusted). */
export interface DeskQuery {
  comune?: string | undefined;
  servizio?: string | undefined;
  lingua?: string | undefined;
  aperto?: string | undefined;
}

export type Scope =
  /** No municipality typed: every desk. */
  | { kind: 'all' }
  /** Desks competent for the municipality. */
  | { kind: 'competent'; place: PlaceMatch }
  /** No desk is competent for it: desks of its province instead. */
  | { kind: 'province'; place: PlaceMatch }
  /** The name matches several municipalities: the visitor picks one. */
  | { kind: 'ambiguous'; typed: string; places: PlaceMatch[] }
  /** No municipality has that name. */
  | { kind: 'unknown_place'; typed: string };

export interface DeskSearch {
  /** What the form shows back: only recognised values. */
  municipality: string;
  service: string | null;
  language: string | null;
  openNow: boolean;
  /** Values that were ignored, for a message ("service X is unknown"). */
  ignored: { field: 'service' | 'language'; value: string }[];
  scope: Scope;
  /** Desks in scope before the service, language and open-now filters. */
  inScope: number;
  desks: PublicDesk[];
  /** Languages offered by some desk, for the form's list. */
  languages: string[];
}

const languagePattern = /^[a-z]{2,3}$/;

function clean(value: string | undefined): string {
  return (value ?? '').trim().slice(0, 100);
}

/**
 * Finds the public help desks for the form's fields at the instant `now` (used for "open now";
 * passed in so that tests fix the clock). Unknown service or language codes are ignored and
 * reported, never an error.
 */
export async function searchDesks(
  db: Kysely<DB>,
  query: DeskQuery,
  now: Date,
): Promise<DeskSearch> {
  const ignored: DeskSearch['ignored'] = [];
  const typed = clean(query.comune);
  const rawService = clean(query.servizio);
  const rawLanguage = clean(query.lingua).toLowerCase();
  const service = (helpDeskServices as readonly string[]).includes(rawService) ? rawService : null;
  if (rawService && !service) ignored.push({ field: 'service', value: rawService });

  const all = await loadAllDesks(db);
  const languages = [...new Set(all.flatMap((desk) => desk.languages))].sort();
  let language: string | null = null;
  if (rawLanguage) {
    if (languagePattern.test(rawLanguage)) language = rawLanguage;
    else ignored.push({ field: 'language', value: rawLanguage });
  }
  const openNow = query.aperto === '1' || query.aperto === 'on' || query.aperto === 'true';

  let scope: Scope = { kind: 'all' };
  let candidates = all;
  if (typed) {
    const places = await findPlaces(db, typed);
    const distinctNames = new Set(places.map((place) => place.name));
    if (places.length === 0) {
      scope = { kind: 'unknown_place', typed };
      candidates = [];
    } else if (places.length > 1 && distinctNames.size > 1) {
      scope = { kind: 'ambiguous', typed, places };
      candidates = [];
    } else {
      // One municipality, or homonyms (same name, different provinces): all of them count.
      const place = places[0]!;
      const competent = await desksCompetentFor(
        db,
        places.map((item) => item.code),
      );
      if (competent.length > 0) {
        scope = { kind: 'competent', place };
        candidates = await loadDesksByIds(db, competent);
      } else {
        scope = { kind: 'province', place };
        candidates = await loadDesksByIds(
          db,
          await desksInProvinces(db, [...new Set(places.map((item) => item.provinceCode))]),
        );
      }
    }
  }

  const desks = candidates.filter(
    (desk) =>
      (service === null || desk.services.includes(service)) &&
      (language === null || desk.languages.includes(language)) &&
      (!openNow || (desk.hours !== null && isOpenAt(desk.hours, now, deskTimeZone))),
  );

  return {
    municipality:
      scope.kind === 'competent' || scope.kind === 'province' ? scope.place.name : typed,
    service,
    language,
    openNow,
    ignored,
    scope,
    inScope: candidates.length,
    desks,
    languages,
  };
}
