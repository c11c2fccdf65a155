import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import type { ReportLocale } from '../../i18n/i18n.ts';
import { findPlaces, type PlaceMatch } from '../public-site/find-desk/desks.ts';
import {
  field,
  type DraftData,
  type FieldProblem,
  type FormBody,
  type StepOutcome,
} from './draft.ts';
import { DONT_KNOW, isPublicChoice, publicChoices } from './options.ts';
import { radioGroup, textInput, translator, type FieldContext } from './page.ts';

type Where = NonNullable<DraftData['where']>;

const placeLabel = (place: PlaceMatch) => `${place.name} (${place.provinceAcronym})`;

/** Step 3: where — a municipality or online, the kind of place, and any detail. */
export function renderWhere(
  context: FieldContext,
  where: Where | undefined,
  suggestions: PlaceMatch[] = [],
): SafeHtml {
  const t = translator(context.locale);
  return html`${radioGroup(context, {
    id: 'kind',
    name: 'kind',
    legend: t('where.kind_legend'),
    value: where?.kind ?? '',
    choices: [
      { code: 'town', label: t('where.kind.town') },
      { code: 'online', label: t('where.kind.online') },
    ],
  })}
    ${textInput(context, {
      id: 'municipality',
      label: t('where.municipality'),
      hint: t('where.municipality_hint'),
      value: where?.municipalityLabel ?? where?.municipality ?? '',
      autocomplete: 'off',
      maxlength: 100,
    })}
    ${
      suggestions.length > 0
        ? radioGroup(context, {
            id: 'municipality_code',
            name: 'municipality_code',
            legend: t('where.suggestions'),
            value: '',
            choices: suggestions.map((place) => ({ code: place.code, label: placeLabel(place) })),
          })
        : null
    }
    ${textInput(context, {
      id: 'online_link',
      label: t('where.online_link'),
      hint: t('where.online_link_hint'),
      type: 'url',
      value: where?.onlineLink ?? '',
      maxlength: 2000,
      autocomplete: 'off',
    })}
    ${radioGroup(context, {
      id: 'domain',
      name: 'domain',
      legend: t('where.domain_legend'),
      value: where?.domain ?? '',
      choices: [
        ...publicChoices('domain', context.locale),
        { code: DONT_KNOW, label: t('where.domain_other') },
      ],
    })}
    ${textInput(context, {
      id: 'place_detail',
      label: t('where.place_detail'),
      hint: t('where.place_detail_hint'),
      value: where?.placeDetail ?? '',
      maxlength: 500,
    })}`;
}

async function resolveMunicipality(
  db: Kysely<DB>,
  typed: string,
  chosenCode: string,
): Promise<PlaceMatch[]> {
  if (/^\d{6}$/.test(chosenCode)) return findPlaces(db, chosenCode);
  // "Name (XX)" as shown in our own suggestions: the province acronym settles homonyms.
  const withProvince = /^(.*\S)\s*\(([A-Za-z]{2})\)$/.exec(typed);
  if (withProvince) {
    const places = await findPlaces(db, withProvince[1]!);
    const acronym = withProvince[2]!.toUpperCase();
    const inProvince = places.filter((place) => place.provinceAcronym === acronym);
    if (inProvince.length > 0) return inProvince;
  }
  return findPlaces(db, typed);
}

export interface WhereOutcome {
  outcome: StepOutcome<Where>;
  suggestions: PlaceMatch[];
}

export async function parseWhere(
  db: Kysely<DB>,
  body: FormBody,
  locale: ReportLocale,
): Promise<WhereOutcome> {
  const t = translator(locale);
  const kindValue = field(body, 'kind', 10);
  const typed: Where = {
    kind: kindValue === 'online' ? 'online' : 'town',
    municipality: field(body, 'municipality', 100).trim(),
    municipalityCode: null,
    municipalityLabel: null,
    onlineLink: field(body, 'online_link', 2000).trim(),
    domain: field(body, 'domain', 64),
    placeDetail: field(body, 'place_detail', 500).trim(),
  };
  const problems: FieldProblem[] = [];
  let suggestions: PlaceMatch[] = [];
  if (kindValue !== 'town' && kindValue !== 'online') {
    problems.push({ field: 'kind-0', message: t('where.kind_required') });
  }
  const chosen = field(body, 'municipality_code', 10);
  if (typed.municipality !== '' || chosen !== '') {
    const places = await resolveMunicipality(db, typed.municipality, chosen);
    if (places.length === 1) {
      typed.municipalityCode = places[0]!.code;
      typed.municipalityLabel = placeLabel(places[0]!);
      typed.municipality = typed.municipalityLabel;
    } else if (places.length === 0) {
      problems.push({
        field: 'municipality',
        message: t('where.municipality_unknown', { typed: typed.municipality }),
      });
    } else {
      suggestions = places;
      problems.push({
        field: 'municipality',
        message: t('where.municipality_ambiguous', { typed: typed.municipality }),
      });
    }
  } else if (kindValue === 'town') {
    problems.push({ field: 'municipality', message: t('where.municipality_required') });
  }
  if (
    typed.onlineLink !== '' &&
    !/^https?:\/\/\S+$/i.test(typed.onlineLink) &&
    !/^[\w.-]+\.[a-z]{2,}\S*$/i.test(typed.onlineLink)
  ) {
    problems.push({ field: 'online_link', message: t('where.online_link_invalid') });
  }
  if (
    typed.domain !== '' &&
    typed.domain !== DONT_KNOW &&
    !isPublicChoice('domain', typed.domain)
  ) {
    problems.push({ field: 'domain-0', message: t('where.domain_invalid') });
    typed.domain = '';
  }
  if (problems.length > 0) return { outcome: { ok: false, typed, problems }, suggestions };
  return { outcome: { ok: true, value: typed }, suggestions };
}
