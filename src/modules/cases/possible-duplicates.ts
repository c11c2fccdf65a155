import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { notFound } from '../../core/errors.ts';
import { caseAccess, type Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { fieldError, isUuid, loadCaseScope } from './case-access.ts';
import { recordCaseEvent } from './case-events.ts';
import {
  fingerprintKinds,
  sameFingerprint,
  sharesFingerprint,
  type FingerprintKind,
} from './fingerprint-match.ts';
import { lockCase } from './lock-case.ts';

type MatchKind = FingerprintKind;

export type PossibleDuplicate =
  | {
      visible: true;
      caseId: string;
      reference: string;
      status: string;
      receivedAt: string;
      organisation: { id: string; name: string } | null;
      matches: MatchKind[];
      link: 'duplicate' | 'related' | null;
    }
  | { visible: false; matches: MatchKind[] };

/**
 * How long the contact details typed into a case by its reader give no hidden matches: an
 * operator could otherwise enter a case with only someone's e-mail or phone and learn at once
 * whether that person reported discrimination at another desk.
 */
export const FRESH_CONTACT_HOURS = 24;

/**
 * Other cases, at any desk, that share a fingerprint with this one (the keyed hash of the same
 * e-mail, phone or narrative). A case the reader may open is shown with its reference. Any
 * other one says only that it exists and what matched: no desk, no month. Naming the desk and
 * the month told whoever typed a person's e-mail or phone into a case where and when that
 * person had reported, which for a victim of discrimination is itself special-category data
 * (a small town's desk gives away where they live); the reader asks the network coordination
 * instead, which can reach the other desk. On top of that, hidden matches by e-mail or phone
 * are withheld for `FRESH_CONTACT_HOURS` after the case arrived, whoever entered it (a probe
 * can also come in through the public form, routed to the prober's own desk), so such a probe
 * costs a day and leaves a case behind, and every lookup is audited with the number of hidden
 * matches. A narrative match cannot be forged without knowing the story, so it shows.
 */
export async function findPossibleDuplicates(
  db: Kysely<DB>,
  _config: Config,
  actor: Actor,
  caseId: string,
  now = new Date(),
): Promise<PossibleDuplicate[]> {
  const matches = await db
    .selectFrom('cases as mine')
    .innerJoin('cases', (join) =>
      join.on(sharesFingerprint('mine', 'cases')).onRef('cases.id', '<>', 'mine.id'),
    )
    .leftJoin('organisations', 'organisations.id', 'cases.organisation_id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.status',
      'cases.received_at',
      'cases.organisation_id',
      'organisations.name as organisation_name',
      sameFingerprint('mine', 'cases', 'email').as('email'),
      sameFingerprint('mine', 'cases', 'phone').as('phone'),
      sameFingerprint('mine', 'cases', 'narrative').as('narrative'),
    ])
    .where('mine.id', '=', caseId)
    .where('cases.erased_at', 'is', null)
    .orderBy('cases.received_at')
    .orderBy('cases.id')
    .limit(200)
    .execute();
  const links = await db
    .selectFrom('case_links')
    .select(['case_id', 'linked_case_id', 'kind'])
    .where((eb) => eb.or([eb('case_id', '=', caseId), eb('linked_case_id', '=', caseId)]))
    .execute();
  const linkOf = (other: string) =>
    links.find((link) => link.case_id === other || link.linked_case_id === other)?.kind ?? null;
  const own = await db
    .selectFrom('cases')
    .select(['received_at'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  const fresh =
    own !== undefined &&
    now.getTime() - own.received_at.getTime() < FRESH_CONTACT_HOURS * 3_600_000;
  const result: PossibleDuplicate[] = [];
  for (const row of matches) {
    const scope = await loadCaseScope(db, row.id);
    const visible = scope !== null && caseAccess(actor, scope) !== null;
    const matchKinds = fingerprintKinds.filter((kind) => row[kind]).sort();
    if (visible) {
      result.push({
        visible: true,
        caseId: row.id,
        reference: row.reference,
        status: row.status,
        receivedAt: row.received_at.toISOString(),
        organisation:
          row.organisation_id && row.organisation_name
            ? { id: row.organisation_id, name: row.organisation_name }
            : null,
        matches: matchKinds,
        link: linkOf(row.id),
      });
    } else {
      const shown = fresh ? matchKinds.filter((kind) => kind === 'narrative') : matchKinds;
      if (shown.length > 0) result.push({ visible: false, matches: shown });
    }
  }
  return result;
}

/** Stored once per pair, smaller id first (the table's check). */
function pair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/**
 * Links two cases a person judged to be the same story (or related): they stay two cases,
 * each with its own team, and the link can be undone. The other case must be one the person
 * may open; any other answer is the same as for a case that does not exist.
 */
export async function linkCases(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  caseId: string,
  rawLinkedId: string,
  kind: 'duplicate' | 'related',
  locale: Locale,
  now = new Date(),
): Promise<{ linkedCaseId: string; kind: string; changed: boolean }> {
  const linkedId = rawLinkedId.toLowerCase();
  const unknown = () => fieldError(locale, 'linkedCaseId', 'cases.links.case_unknown');
  if (!isUuid(linkedId)) throw unknown();
  if (linkedId === caseId) throw fieldError(locale, 'linkedCaseId', 'cases.links.same_case');
  const scope = await loadCaseScope(db, linkedId);
  if (!scope || caseAccess(actor, scope) === null) throw unknown();
  const [first, second] = pair(caseId, linkedId);
  return db.transaction().execute(async (trx) => {
    // Both cases get an event: lock them in id order so two people linking at once cannot
    // deadlock. An erased case takes no new link.
    // The reader needs the team's access to their case and any access to the other one.
    for (const id of [first, second]) {
      await lockCase(trx, id, undefined, locale, actor, id === caseId ? 'team' : 'any');
    }
    const existing = await trx
      .selectFrom('case_links')
      .select('kind')
      .where('case_id', '=', first)
      .where('linked_case_id', '=', second)
      .executeTakeFirst();
    if (existing?.kind === kind) return { linkedCaseId: linkedId, kind, changed: false };
    if (existing) {
      await trx
        .updateTable('case_links')
        .set({ kind, linked_by: actor.id })
        .where('case_id', '=', first)
        .where('linked_case_id', '=', second)
        .execute();
    } else {
      await trx
        .insertInto('case_links')
        .values({
          case_id: first,
          linked_case_id: second,
          kind,
          linked_by: actor.id,
          linked_at: now,
        })
        .execute();
    }
    // Each side's timeline names the other case, so both teams see who linked them and how.
    for (const [own, other] of [
      [caseId, linkedId],
      [linkedId, caseId],
    ] as const) {
      await recordCaseEvent(trx, config, {
        caseId: own,
        kind: 'case_linked',
        actorUserId: actor.id,
        at: now,
        details: { linkedCaseId: other, linkKind: kind },
      });
    }
    return { linkedCaseId: linkedId, kind, changed: true };
  });
}

/** Undoes a link; 404 when the two cases were not linked. */
export async function unlinkCases(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  caseId: string,
  rawLinkedId: string,
  locale: Locale,
  now = new Date(),
): Promise<{ linkedCaseId: string }> {
  const linkedId = rawLinkedId.toLowerCase();
  if (!isUuid(linkedId)) throw notFound();
  const [first, second] = pair(caseId, linkedId);
  return db.transaction().execute(async (trx) => {
    // Both cases get an event: lock them in id order, as linking does, against deadlocks.
    await trx
      .selectFrom('cases')
      .select('id')
      .where('id', 'in', [first, second])
      .orderBy('id')
      .forUpdate()
      .execute();
    await lockCase(trx, caseId, undefined, locale, actor);
    const removed = await trx
      .deleteFrom('case_links')
      .where('case_id', '=', first)
      .where('linked_case_id', '=', second)
      .executeTakeFirst();
    if (removed.numDeletedRows === 0n) throw notFound();
    await recordCaseEvent(trx, config, {
      caseId,
      kind: 'case_unlinked',
      actorUserId: actor.id,
      at: now,
      details: { linkedCaseId: linkedId },
    });
    // The other side hears of it too, unless it has been erased since (it takes no events).
    const other = await trx
      .selectFrom('cases')
      .select('id')
      .where('id', '=', linkedId)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    if (other) {
      await recordCaseEvent(trx, config, {
        caseId: other.id,
        kind: 'case_unlinked',
        actorUserId: actor.id,
        at: now,
        details: { linkedCaseId: caseId },
      });
    }
    return { linkedCaseId: linkedId };
  });
}
