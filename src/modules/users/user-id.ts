/**
 * PostgreSQL's uuid text form. Ids from a URL are checked before they reach a query, so a
 * malformed id is answered like a missing record (404) instead of a database cast error.
 */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
