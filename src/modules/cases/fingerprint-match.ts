import { sql, type RawBuilder } from 'kysely';

export type FingerprintKind = 'email' | 'phone' | 'narrative';

export const fingerprintKinds: readonly FingerprintKind[] = ['email', 'phone', 'narrative'];

function column(alias: string, kind: FingerprintKind) {
  return sql.ref(`${alias}.${kind}_fingerprint`);
}

/** Whether two aliased case rows hold the same keyed hash of one kind. */
export function sameFingerprint(
  mine: string,
  other: string,
  kind: FingerprintKind,
): RawBuilder<boolean> {
  return sql<boolean>`coalesce(${column(other, kind)} = ${column(mine, kind)}, false)`;
}

/**
 * Whether two aliased case rows share any fingerprint (the same e-mail, phone or narrative):
 * an OR of three equalities, which PostgreSQL answers with its three partial indexes.
 */
export function sharesFingerprint(mine: string, other: string): RawBuilder<boolean> {
  const [email, phone, narrative] = fingerprintKinds.map(
    (kind) => sql`${column(other, kind)} = ${column(mine, kind)}`,
  );
  return sql<boolean>`(${email} OR ${phone} OR ${narrative})`;
}
