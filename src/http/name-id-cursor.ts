/**
 * Keyset cursors for lists ordered by a name and then an id. Opaque to clients (base64url of
 * the last row's sort key) so the order can change later without breaking their links.
 */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeNameIdCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id]), 'utf8').toString('base64url');
}

/** The sort key, or null for a cursor the client altered (the caller answers a field error). */
export function decodeNameIdCursor(cursor: string): [string, string] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      uuidPattern.test(value[1])
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // Not base64 JSON: altered.
  }
  return null;
}
