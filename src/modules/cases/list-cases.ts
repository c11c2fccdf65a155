import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Config } from '../../config.ts';
import { AppError } from '../../core/errors.ts';
import { caseStatuses, type CaseStatus } from '../../core/cases/workflow.ts';
import { localDate } from '../../core/cases/working-days.ts';
import { caseTeamOrganisations, type Actor } from '../../core/policy.ts';
import { codesOf } from '../../core/taxonomy/taxonomy.ts';
import type { DB } from '../../db/schema.ts';
import { decodeNameIdCursor, encodeNameIdCursor } from '../../http/name-id-cursor.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { currentTaxonomy } from '../taxonomy/taxonomy-files.ts';
import { isUuid } from './case-access.ts';
import { caseSettingsOf } from './case-settings.ts';
import {
  loadListItems,
  referralReceivingOrganisations,
  type CaseListItem,
} from './case-list-items.ts';
import type { ListCasesQuery } from './schemas.ts';

export interface CasePage {
  items: CaseListItem[];
  nextCursor: string | null;
}

type Filter = (eb: ExpressionBuilder<DB, 'cases'>) => Expression<SqlBool>;

/** The instant of the case's `received_at`, to the microsecond, as the cursor keeps it. */
const cursorInstant = sql<string>`to_char(cases.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * Whether the instant is a real one the database takes: the pattern lets through a month 13 or
 * a year 0, which PostgreSQL would refuse with an error. Checked at millisecond precision.
 */
function isRealInstant(instant: string): boolean {
  const milliseconds = `${instant.slice(0, 23)}Z`;
  const date = new Date(milliseconds);
  if (Number.isNaN(date.getTime()) || date.toISOString() !== milliseconds) return false;
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 2999;
}

function decodeCursor(cursor: string, locale: Locale): [string, string] {
  const key = decodeNameIdCursor(cursor);
  if (key && instantPattern.test(key[0]) && isRealInstant(key[0])) return key;
  throw new AppError('validation_failed', {
    fields: [{ field: 'cursor', message: translate(locale, 'cases.validation.cursor_invalid') }],
  });
}

/** A ground and its sub-codes: asking for "racial or ethnic origin" finds "anti-Black" too. */
function groundFamily(ground: string): string[] {
  const children = codesOf(currentTaxonomy(), 'ground')
    .filter((entry) => entry.parent === ground)
    .map((entry) => entry.code);
  return [ground, ...children];
}

const waitingStatuses: readonly CaseStatus[] = ['received', 'in_triage'];

/**
 * The filters every lane of the queue shares (everything but the queue itself and the state).
 * The free-text search reads only `search_vector` (title and reference): never encrypted text.
 */
function commonFilters(
  query: ListCasesQuery,
  cursor: [string, string] | null,
  config: Config,
  now: Date,
  codesVisible: Filter | null,
  searchPlan: SearchPlan,
): Filter[] {
  const filters: Filter[] = [];
  const timeZone = caseSettingsOf(config).timeZone;
  // Filtering on codes would tell their value: only cases whose codes the actor may read match.
  if (codesVisible && (query.ground || query.domain)) filters.push(codesVisible);
  if (query.ground) {
    const family = groundFamily(query.ground);
    filters.push(() => sql<SqlBool>`cases.ground_codes && ${sql.val(family)}::text[]`);
  }
  if (query.domain) {
    const domain = [query.domain];
    filters.push(() => sql<SqlBool>`cases.domain_codes && ${sql.val(domain)}::text[]`);
  }
  const search = query.q?.trim();
  if (search && searchPlan === 'lanes') {
    filters.push(
      () => sql<SqlBool>`cases.search_vector @@ plainto_tsquery('simple', search_text(${search}))`,
    );
  } else if (search) {
    // Rare words: the text index first, alone (materialised), then the few hits it finds are
    // checked against the queue. Left to itself the planner ANDs the text index with the
    // organisation's whole queue index, which costs as much as the queue is long.
    filters.push(
      () => sql<SqlBool>`cases.id IN (WITH hits AS MATERIALIZED (
        SELECT id FROM cases WHERE search_vector @@ plainto_tsquery('simple', search_text(${search})))
        SELECT id FROM hits)`,
    );
  }
  if (query.receivedFrom) {
    const from = query.receivedFrom;
    filters.push(
      () => sql<SqlBool>`cases.received_at >= (${from}::date::timestamp AT TIME ZONE ${timeZone})`,
    );
  }
  if (query.receivedTo) {
    const to = query.receivedTo;
    filters.push(
      () =>
        sql<SqlBool>`cases.received_at < ((${to}::date + 1)::timestamp AT TIME ZONE ${timeZone})`,
    );
  }
  if (query.overdue) {
    const today = localDate(now, timeZone);
    const overdue = sql<SqlBool>`((cases.status = 'received' AND cases.acknowledge_due_on < ${today}::date)
      OR (cases.status IN ('received', 'in_triage') AND cases.taken_in_charge_at IS NULL
        AND cases.take_in_charge_due_on < ${today}::date))`;
    filters.push(() => (query.overdue === 'true' ? overdue : sql<SqlBool>`NOT ${overdue}`));
  }
  if (query.assigneeId !== undefined) {
    const assignee = query.assigneeId;
    filters.push((eb) => eb('cases.assignee_user_id', '=', assignee));
  }
  if (cursor) {
    const [at, id] = cursor;
    filters.push(
      () => sql<SqlBool>`(cases.received_at, cases.id) < (${at}::timestamptz, ${id}::uuid)`,
    );
  }
  return filters;
}

export type SearchPlan = 'lanes' | 'text_index_first';

/**
 * How to run a text search. Every word common in the cases (in the statistics' most common
 * elements at 1 % or more, like a place that recurs in titles): walking the queue's lanes in
 * date order finds a page of matches in a few hundred rows. Any rare word (a reference, a
 * name): the text index finds the few matching cases at once. Without statistics (a new or
 * embedded database) every word counts as rare, which is right for small databases.
 */
export async function searchPlanFor(
  db: Kysely<DB>,
  search: string | undefined,
): Promise<SearchPlan> {
  if (!search) return 'lanes';
  const result = await sql<{ rare: boolean | null }>`
    SELECT bool_or(coalesce(common.freq, 0) < 0.01) AS rare
    FROM unnest(tsvector_to_array(to_tsvector('simple', search_text(${search})))) AS typed(word)
    LEFT JOIN (
      SELECT element.word, element.freq
      FROM pg_stats AS stats,
        unnest(stats.most_common_elems::text::text[], stats.most_common_elem_freqs)
          AS element(word, freq)
      WHERE stats.schemaname = current_schema() AND stats.tablename = 'cases'
        AND stats.attname = 'search_vector'
    ) AS common ON common.word = typed.word`.execute(db);
  return result.rows[0]?.rare === false ? 'lanes' : 'text_index_first';
}

interface Lane {
  column: 'organisation_id' | 'help_desk_id' | 'assignee_user_id';
  value: string;
  status: CaseStatus;
}

/**
 * One page of the operator's queue, newest first. The queue is read as lanes — one per
 * (organisation or desk or assignee, state), each walking its own index in order and stopping
 * after a page — merged and cut to the page: the cost follows the page size, not the number of
 * cases, so it stays flat at a million cases.
 */
export async function listCases(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  query: ListCasesQuery,
  locale: Locale,
  now = new Date(),
): Promise<CasePage> {
  const empty: CasePage = { items: [], nextCursor: null };
  const decoded = query.cursor ? decodeCursor(query.cursor, locale) : null;
  const cursor: [string, string] | null = decoded ? [decoded[0], decoded[1].toLowerCase()] : null;
  if (query.assigneeId !== undefined && !isUuid(query.assigneeId)) return empty;
  if (query.helpDeskId !== undefined && !isUuid(query.helpDeskId)) return empty;

  let statuses: CaseStatus[] = query.status?.length
    ? [...new Set(query.status)]
    : [...caseStatuses];
  if (query.overdue === 'true') {
    statuses = statuses.filter((status) => waitingStatuses.includes(status));
  }
  const searchPlan = await searchPlanFor(db, query.q?.trim());
  const filters = commonFilters(
    query,
    cursor,
    config,
    now,
    query.scope === 'referred' ? referredCodesVisible(actor) : null,
    searchPlan,
  );
  const fetch = query.limit + 1;

  let ids: { id: string; cursor_at: string }[];
  if (query.scope === 'referred') {
    ids = await referredIds(db, actor, statuses, filters, fetch, query.helpDeskId);
  } else {
    const organisations = [...new Set(caseTeamOrganisations(actor))];
    if (organisations.length === 0 || statuses.length === 0) return empty;
    const lanes: Lane[] = [];
    for (const status of statuses) {
      if (query.scope === 'mine')
        lanes.push({ column: 'assignee_user_id', value: actor.id, status });
      else if (query.helpDeskId) {
        lanes.push({ column: 'help_desk_id', value: query.helpDeskId, status });
      } else {
        for (const organisation of organisations) {
          lanes.push({ column: 'organisation_id', value: organisation, status });
        }
      }
    }
    const deskOnly = query.scope === 'desk';
    const queue = (lane: Lane | null) =>
      db
        .selectFrom('cases')
        .select(['cases.id', 'cases.received_at', cursorInstant.as('cursor_at')])
        .$if(lane !== null, (qb) =>
          qb
            .where(`cases.${lane?.column ?? 'organisation_id'}`, '=', lane?.value ?? '')
            .where('cases.status', '=', lane?.status ?? 'received'),
        )
        .$if(lane === null, (qb) => qb.where('cases.status', 'in', statuses))
        .$if(lane === null && query.scope === 'mine', (qb) =>
          qb.where('cases.assignee_user_id', '=', actor.id),
        )
        .where('cases.organisation_id', 'in', organisations)
        .$if(deskOnly, (qb) => qb.where('cases.help_desk_id', 'is not', null))
        .$if(lane?.column !== 'help_desk_id' && query.helpDeskId !== undefined, (qb) =>
          qb.where('cases.help_desk_id', '=', query.helpDeskId ?? ''),
        )
        .$if(filters.length > 0, (qb) => qb.where((eb) => eb.and(filters.map((f) => f(eb)))))
        .orderBy('cases.received_at', 'desc')
        .orderBy('cases.id', 'desc')
        .limit(fetch);
    if (searchPlan === 'text_index_first') {
      ids = await queue(null).execute();
    } else {
      const union = sql.join(
        lanes.map((lane) => sql`(${queue(lane)})`),
        sql` UNION ALL `,
      );
      const result = await sql<{ id: string; cursor_at: string }>`
        SELECT lanes.id, lanes.cursor_at FROM (${union}) AS lanes
        ORDER BY lanes.received_at DESC, lanes.id DESC LIMIT ${fetch}`.execute(db);
      ids = result.rows;
    }
  }

  const page = ids.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await loadListItems(
      db,
      config,
      actor,
      page.map((row) => row.id),
      now,
    ),
    nextCursor:
      ids.length > query.limit && last ? encodeNameIdCursor(last.cursor_at, last.id) : null,
  };
}

/**
 * In the referred queue, a case's grounds and domains are the actor's to read (and so to filter
 * on) only when they work it as its team or an open referral to them shares the classification,
 * as `loadListItems` shows them.
 */
function referredCodesVisible(actor: Actor): Filter {
  const team = [...new Set(caseTeamOrganisations(actor))];
  const receiving = referralReceivingOrganisations(actor);
  return (eb) =>
    eb.or([
      ...(team.length > 0 ? [eb('cases.organisation_id', 'in', team)] : []),
      eb.exists(
        eb
          .selectFrom('case_referrals')
          .select('case_referrals.id')
          .whereRef('case_referrals.case_id', '=', 'cases.id')
          .where('case_referrals.status', 'in', ['pending', 'accepted'])
          .where((inner) =>
            inner.or([
              inner('case_referrals.to_user_id', '=', actor.id),
              ...(receiving.length > 0
                ? [inner('case_referrals.to_organisation_id', 'in', receiving)]
                : []),
            ]),
          )
          .where((inner) =>
            inner(inner.val('classification'), '=', inner.fn.any('case_referrals.shares')),
          ),
      ),
    ]);
}

/** Cases referred to the actor or to an organisation whose cases they work or advise on. */
async function referredIds(
  db: Kysely<DB>,
  actor: Actor,
  statuses: CaseStatus[],
  filters: Filter[],
  fetch: number,
  helpDeskId: string | undefined,
): Promise<{ id: string; cursor_at: string }[]> {
  if (statuses.length === 0) return [];
  const organisations = referralReceivingOrganisations(actor);
  return db
    .selectFrom('cases')
    .select(['cases.id', cursorInstant.as('cursor_at')])
    .where('cases.status', 'in', statuses)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_referrals')
          .select('case_referrals.id')
          .whereRef('case_referrals.case_id', '=', 'cases.id')
          .where('case_referrals.status', 'in', ['pending', 'accepted'])
          .where((inner) =>
            inner.or([
              inner('case_referrals.to_user_id', '=', actor.id),
              ...(organisations.length > 0
                ? [inner('case_referrals.to_organisation_id', 'in', organisations)]
                : []),
            ]),
          ),
      ),
    )
    .$if(filters.length > 0, (qb) => qb.where((eb) => eb.and(filters.map((f) => f(eb)))))
    .$if(helpDeskId !== undefined, (qb) => qb.where('cases.help_desk_id', '=', helpDeskId ?? ''))
    .orderBy('cases.received_at', 'desc')
    .orderBy('cases.id', 'desc')
    .limit(fetch)
    .execute();
}
