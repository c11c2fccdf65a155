import { toSearchName } from '../search-name.ts';

/** The fields a mapping survey can carry, in the order the directory is exported. */
export const importFields = [
  'name',
  'kind',
  'municipality',
  'municipalityCode',
  'address',
  'postalCode',
  'email',
  'phone',
  'website',
  'networkRole',
  'networkJoinedOn',
  'unarProtocol',
  'status',
  'latitude',
  'longitude',
  'description',
  'territories',
  'refersTo',
] as const;
export type ImportField = (typeof importFields)[number];

/** Header names accepted for each field, Italian first (the first of each language is exported). */
const synonyms: Record<ImportField, { it: string[]; en: string[] }> = {
  name: { it: ['Nome', 'denominazione', 'ragione sociale', 'ente'], en: ['Name', 'organisation'] },
  kind: { it: ['Tipo', 'tipologia', 'tipo di ente'], en: ['Kind', 'type'] },
  municipality: { it: ['Comune', 'citta', 'comune sede'], en: ['Municipality', 'city', 'town'] },
  municipalityCode: {
    it: ['Codice ISTAT comune', 'codice istat', 'istat'],
    en: ['Municipality ISTAT code', 'istat code', 'municipality code'],
  },
  address: { it: ['Indirizzo', 'sede'], en: ['Address'] },
  postalCode: { it: ['CAP', 'codice postale'], en: ['Postal code', 'postcode', 'zip'] },
  email: { it: ['Email', 'e-mail', 'posta elettronica'], en: ['Email', 'mail'] },
  phone: { it: ['Telefono', 'tel'], en: ['Phone', 'telephone'] },
  website: { it: ['Sito', 'sito web', 'sito internet'], en: ['Website', 'web site', 'url'] },
  networkRole: { it: ['Ruolo nella rete', 'ruolo'], en: ['Network role', 'role'] },
  networkJoinedOn: {
    it: ['Data adesione', 'data di adesione', 'adesione'],
    en: ['Joined on', 'member since'],
  },
  unarProtocol: { it: ['Protocollo UNAR', 'unar'], en: ['UNAR protocol'] },
  status: { it: ['Stato'], en: ['Status'] },
  latitude: { it: ['Latitudine', 'lat'], en: ['Latitude'] },
  longitude: { it: ['Longitudine', 'lon', 'lng'], en: ['Longitude'] },
  description: { it: ['Descrizione', 'note'], en: ['Description', 'notes'] },
  territories: {
    it: ['Territori', 'territorio', 'comuni coperti', 'comuni serviti', 'ambito territoriale'],
    en: ['Territories', 'territory', 'municipalities covered'],
  },
  refersTo: {
    it: ['Invia a', 'invii verso', 'invia le persone a', 'rinvia a'],
    en: ['Refers to', 'referrals to', 'refers people to'],
  },
};

/** A header as compared: no case, accents or punctuation ("E-mail" = "email", "Città" = "citta"). */
export function headerKey(header: string): string {
  return toSearchName(header)
    .replace(/[^a-z0-9]+/g, '')
    .trim();
}

/** Recognises the columns of one kind of sheet by their header names (Italian or English). */
export class Columns<F extends string> {
  readonly #byHeader = new Map<string, F>();
  readonly #synonyms: Record<F, { it: string[]; en: string[] }>;

  constructor(synonyms: Record<F, { it: string[]; en: string[] }>) {
    this.#synonyms = synonyms;
    for (const [field, names] of Object.entries(synonyms) as [
      F,
      { it: string[]; en: string[] },
    ][]) {
      for (const name of [...names.it, ...names.en]) this.#byHeader.set(headerKey(name), field);
    }
  }

  /** The header written for a field on export, in the reader's language. */
  exportHeader(field: F, locale: 'it' | 'en'): string {
    return this.#synonyms[field][locale][0]!;
  }

  fieldOf(header: string): F | undefined {
    return this.#byHeader.get(headerKey(header));
  }

  map(headers: readonly string[]): ColumnMap<F> {
    const fields = new Map<F, number>();
    const names = new Map<F, string>();
    const ignored: string[] = [];
    headers.forEach((header, index) => {
      const field = this.fieldOf(header);
      if (field === undefined || fields.has(field)) {
        if (header.trim() !== '') ignored.push(header.trim());
        return;
      }
      fields.set(field, index);
      names.set(field, header.trim());
    });
    return { fields, ignored, headers: names };
  }
}

const organisationColumns = new Columns<ImportField>(synonyms);

/** The header written for a field on export, in the reader's language. */
export function exportHeader(field: ImportField, locale: 'it' | 'en'): string {
  return organisationColumns.exportHeader(field, locale);
}

export interface ColumnMap<F extends string = ImportField> {
  /** Index of the column holding each recognised field. */
  fields: Map<F, number>;
  /** Headers of the columns that will not be read (unknown or repeated). */
  ignored: string[];
  /** The header text in the file of each recognised field, for rejection reasons. */
  headers: Map<F, string>;
}

export function mapColumns(headers: readonly string[]): ColumnMap {
  return organisationColumns.map(headers);
}
