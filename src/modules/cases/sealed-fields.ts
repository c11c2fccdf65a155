import type { MasterKeys } from '../../core/envelope.ts';
import { decryptField, encryptField, recordSealer } from '../../core/envelope.ts';

/**
 * Encrypts and decrypts the personal columns of the case tables (`*_enc`). Each value is bound
 * to its table, column and row, so a ciphertext copied to another row or column does not
 * decrypt. NULL stays NULL: an empty field is not a secret.
 */
export function seal(
  keys: MasterKeys,
  table: string,
  column: string,
  rowId: string,
  value: string | null | undefined,
): string | null {
  if (value === null || value === undefined || value === '') return null;
  return encryptField(keys, { table, column, rowId }, value);
}

/**
 * Seals the personal fields of one new row with one data key (intake writes five at once);
 * empty values stay NULL like `seal`.
 */
export function rowSealer(keys: MasterKeys, table: string, rowId: string) {
  const sealField = recordSealer(keys, table, rowId);
  return (column: string, value: string | null | undefined): string | null =>
    value === null || value === undefined || value === '' ? null : sealField(column, value);
}

export function unseal(
  keys: MasterKeys,
  table: string,
  column: string,
  rowId: string,
  stored: string | null,
): string | null {
  if (stored === null) return null;
  return decryptField(keys, { table, column, rowId }, stored);
}

/** The reporter's contact details, kept together as one encrypted JSON value. */
export interface ReporterContact {
  name: string | null;
  email: string | null;
  phone: string | null;
  /** How the reporter prefers to be reached, in their words ("after 6 pm", "only by e-mail"). */
  preference: string | null;
}

/** The contact as the one JSON value that is sealed, or null when there is none. */
export function contactJson(contact: ReporterContact | null): string | null {
  if (!contact || Object.values(contact).every((value) => !value)) return null;
  return JSON.stringify(contact);
}

export function unsealContact(
  keys: MasterKeys,
  caseId: string,
  stored: string | null,
): ReporterContact | null {
  const json = unseal(keys, 'cases', 'reporter_contact_enc', caseId, stored);
  return json === null ? null : (JSON.parse(json) as ReporterContact);
}
