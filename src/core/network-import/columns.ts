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
};

/** A header as compared: no case, accents or punctuation ("E-mail" = "email", "Città" = "citta"). */
export function headerKey(header: string): string {
  return toSearchName(header)
    .replace(/[^a-z0-9]+/g, '')
    .trim();
}

const fieldByHeader = new Map<string, ImportField>();
for (const field of importFields) {
  for (const name of [...synonyms[field].it, ...synonyms[field].en]) {
    fieldByHeader.set(headerKey(name), field);
  }
}

/** The header written for a field on export, in the reader's language. */
export function exportHeader(field: ImportField, locale: 'it' | 'en'): string {
  return synonyms[field][locale][0]!;
}

export interface ColumnMap {
  /** Index of the column holding each recognised field. */
  fields: Map<ImportField, number>;
  /** Headers of the columns that will not be read (unknown or repeated). */
  ignored: string[];
  /** The header text in the file of each recognised field, for rejection reasons. */
  headers: Map<ImportField, string>;
}

export function mapColumns(headers: readonly string[]): ColumnMap {
  const fields = new Map<ImportField, number>();
  const names = new Map<ImportField, string>();
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    const field = fieldByHeader.get(headerKey(header));
    if (field === undefined || fields.has(field)) {
      if (header.trim() !== '') ignored.push(header.trim());
      return;
    }
    fields.set(field, index);
    names.set(field, header.trim());
  });
  return { fields, ignored, headers: names };
}
