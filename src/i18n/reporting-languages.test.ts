import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { codesOf, facets } from '../core/taxonomy/taxonomy.ts';
import { currentTaxonomy } from '../modules/taxonomy/taxonomy-files.ts';
import {
  intlLocale,
  isLocale,
  languageNames,
  languageTag,
  negotiateReportLocale,
  reportLocales,
  siteLocaleOf,
  textDirection,
  translate,
  type ReportLocale,
} from './i18n.ts';
import {
  inReportingScope,
  reportingScope,
  reportTaxonomyArea,
  taxonomyLabelKey,
} from './reporting-scope.ts';

const messagesDir = join(import.meta.dirname, 'messages');
const reportingOnly = reportLocales.filter((locale) => !isLocale(locale));

function readArea(locale: string, area: string): Record<string, string> {
  return JSON.parse(readFileSync(join(messagesDir, locale, area), 'utf8')) as Record<
    string,
    string
  >;
}

/** The keys a reporting language must have in an area: the Italian ones in the scope. */
function expectedKeys(area: string): string[] {
  return Object.keys(readArea('it', area)).filter((key) => inReportingScope(area, key));
}

function expectedTaxonomyKeys(): string[] {
  return facets.flatMap((facet) =>
    codesOf(currentTaxonomy(), facet)
      .filter((entry) => entry.parent === null && entry.publicLabels !== null)
      .map((entry) => taxonomyLabelKey(facet, entry.code)),
  );
}

type Element = ReturnType<IntlMessageFormat['getAst']>[number];

/** The parser numbers its element kinds (TYPE of @formatjs/icu-messageformat-parser); 0 is text. */
const isText = (element: Element) => (element.type as number) === 0;

interface Shape {
  /** Every argument name, with its kind: plain, plural, select… */
  arguments: Set<string>;
  plurals: { name: string; options: string[] }[];
}

function shapeOf(message: string, locale: string): Shape {
  const shape: Shape = { arguments: new Set(), plurals: [] };
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && !isText(element)) {
        shape.arguments.add(element.value);
      }
      if ('options' in element && 'pluralType' in element) {
        shape.plurals.push({ name: element.value, options: Object.keys(element.options) });
      }
      if ('options' in element) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if ('children' in element) walk(element.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return shape;
}

/** The plural categories that whole numbers from 0 to 1000 fall into in a language. */
function integerCategories(locale: string): Map<string, number[]> {
  const rules = new Intl.PluralRules(locale);
  const found = new Map<string, number[]>();
  for (let n = 0; n <= 1000; n++) {
    const category = rules.select(n);
    found.set(category, [...(found.get(category) ?? []), n]);
  }
  return found;
}

describe('reporting languages', () => {
  it('name every language in its own words and know Arabic is written right to left', () => {
    expect(Object.keys(languageNames).sort()).toEqual([...reportLocales].sort());
    expect(languageNames.ar).toBe('العربية');
    expect(languageNames.zh).toBe('中文');
    expect(reportLocales.filter((locale) => textDirection(locale) === 'rtl')).toEqual(['ar']);
    expect(languageTag('zh')).toBe('zh-Hans');
    expect(siteLocaleOf('uk')).toBe('en');
    expect(siteLocaleOf('it')).toBe('it');
  });

  it.each(reportingOnly)(
    '%s has exactly the keys of the report form and receipt areas',
    (locale) => {
      const files = readdirSync(join(messagesDir, locale)).sort();
      expect(files).toEqual([...Object.keys(reportingScope), reportTaxonomyArea].sort());
      for (const area of Object.keys(reportingScope)) {
        expect(Object.keys(readArea(locale, area)).sort(), `${locale}/${area}`).toEqual(
          expectedKeys(area).sort(),
        );
      }
      expect(Object.keys(readArea(locale, reportTaxonomyArea)).sort()).toEqual(
        expectedTaxonomyKeys().sort(),
      );
    },
  );

  it.each(reportingOnly)(
    '%s keeps the placeholders of Italian and English, and its messages compile',
    (locale) => {
      for (const area of Object.keys(reportingScope)) {
        const italian = readArea('it', area);
        const english = readArea('en', area);
        for (const [key, message] of Object.entries(readArea(locale, area))) {
          const label = `${locale} ${key}`;
          expect(message.trim(), label).not.toBe('');
          const names = [...shapeOf(message, intlLocale(locale)).arguments].sort();
          expect(names, label).toEqual([...shapeOf(english[key]!, 'en').arguments].sort());
          expect(names, label).toEqual([...shapeOf(italian[key]!, 'it').arguments].sort());
        }
      }
      for (const [key, message] of Object.entries(readArea(locale, reportTaxonomyArea))) {
        expect(shapeOf(message, intlLocale(locale)).arguments.size, key).toBe(0);
      }
    },
  );

  it.each(reportingOnly)(
    '%s plurals use only its own categories and cover every whole number',
    (locale) => {
      const categories = integerCategories(locale);
      const allowed = new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
      for (const area of Object.keys(reportingScope)) {
        for (const [key, message] of Object.entries(readArea(locale, area))) {
          for (const plural of shapeOf(message, intlLocale(locale)).plurals) {
            const label = `${locale} ${key} {${plural.name}}`;
            const exact = plural.options.filter((option) => option.startsWith('='));
            for (const option of plural.options.filter((option) => !option.startsWith('='))) {
              expect(allowed.has(option as Intl.LDMLPluralRule), `${label}: ${option}`).toBe(true);
            }
            expect(plural.options, label).toContain('other');
            for (const [category, numbers] of categories) {
              const coveredExactly = numbers.every((n) => exact.includes(`=${n}`));
              if (!coveredExactly)
                expect(plural.options, `${label}: ${category}`).toContain(category);
            }
          }
        }
      }
    },
  );

  it('formats every reporting language with sample values', () => {
    const samples = {
      title: 'T',
      step: 2,
      total: 8,
      max: 5,
      length: 12_000,
      first: 1950,
      typed: 'Prato',
      count: 3,
      name: 'foto.jpg',
      megabytes: 10,
      message: '…',
      section: 'S',
      minutes: 2,
      organisation: 'O',
      date: '1 gennaio 2026',
      maxMegabytes: 10,
      status: 404,
      accepted: 'PDF',
    };
    for (const locale of reportingOnly) {
      for (const area of Object.keys(reportingScope)) {
        for (const key of Object.keys(readArea(locale, area))) {
          expect(() => translate(locale, key, samples), `${locale} ${key}`).not.toThrow();
        }
      }
    }
    expect(translate('ar', 'public.receipt.status.you_sent_files', { count: 2 })).toBe('ملفان');
    expect(translate('ar', 'public.receipt.status.you_sent_files', { count: 12 })).toBe('12 ملفًا');
    expect(translate('uk', 'public.receipt.status.you_sent_files', { count: 22 })).toBe('22 файли');
    expect(translate('ro', 'public.receipt.status.you_sent_files', { count: 20 })).toBe(
      '20 de fișiere',
    );
  });

  it('falls back to English, not Italian, for a key a reporting language does not have', () => {
    const outside: ReportLocale = 'ar';
    expect(translate(outside, 'public.home.members.heading')).toBe(
      translate('en', 'public.home.members.heading'),
    );
    expect(translate('it', 'public.home.members.heading')).not.toBe(
      translate('en', 'public.home.members.heading'),
    );
  });

  it('negotiates a reporting language from the browser', () => {
    expect(negotiateReportLocale('ar-MA,ar;q=0.9,fr;q=0.8')).toBe('ar');
    expect(negotiateReportLocale('zh-CN,zh;q=0.9,en;q=0.5')).toBe('zh');
    expect(negotiateReportLocale('pt-BR,uk;q=0.7,it;q=0.5')).toBe('uk');
    expect(negotiateReportLocale('ja')).toBe('it');
    expect(negotiateReportLocale(undefined)).toBe('it');
  });
});
