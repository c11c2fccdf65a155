/**
 * The form of a name used for searching: lower case, accents removed ("Forlì" → "forli"),
 * apostrophes and spaces kept so "Sant'Anna" still reads as typed. The database has the same
 * rule as `search_text()` (network map migration) for generated columns; a test checks that both
 * fold every municipality name alike.
 */
export function toSearchName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
