import { escapeLike } from '../../db/like.ts';
import { decodeNameIdCursor, encodeNameIdCursor } from '../../http/name-id-cursor.ts';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { isUuid } from './check-help-desk.ts';
import { presentSummary, summaryQuery, type HelpDeskSummary } from './load-help-desk.ts';
import type { ListHelpDesksQuery } from './schemas.ts';

export interface HelpDeskListItem extends HelpDeskSummary {
  competentMunicipalityCount: number;
  competentMunicipalityNames: string[];
}

export interface HelpDeskPage {
  items: HelpDeskListItem[];
  nextCursor: string | null;
}

/** Names shown per desk in the list; the count tells how many more there are. */
const namesShown = 5;

/** The competent municipalities of a page of desks, in one query for the whole page. */
async function competence(
  db: Kysely<DB>,
  ids: string[],
): Promise<Map<string, { count: number; names: string[] }>> {
  const byDesk = new Map<string, { count: number; names: string[] }>();
  if (ids.length === 0) return byDesk;
  const rows = await db
    .selectFrom('help_desk_municipalities')
    .innerJoin(
      'municipalities',
      'municipalities.istat_code',
      'help_desk_municipalities.municipality_code',
    )
    .select(['help_desk_municipalities.help_desk_id', 'municipalities.name'])
    .where('help_desk_municipalities.help_desk_id', 'in', ids)
    .orderBy('municipalities.search_name')
    .orderBy('municipalities.istat_code')
    .execute();
  for (const row of rows) {
    const entry = byDesk.get(row.help_desk_id) ?? { count: 0, names: [] };
    entry.count += 1;
    if (entry.names.length < namesShown) entry.names.push(row.name);
    byDesk.set(row.help_desk_id, entry);
  }
  return byDesk;
}

function decodeCursor(cursor: string, locale: Locale): [string, string] {
  const key = decodeNameIdCursor(cursor);
  if (key) return key;
  throw new AppError('validation_failed', {
    fields: [{ field: 'cursor', message: translate(locale, 'network.validation.cursor_invalid') }],
  });
}

/**
 * One page of help desks in name order (accent-insensitive), filtered by name, organisation,
 * competent municipality, service, language and status.
 */
export async function listHelpDesks(
  db: Kysely<DB>,
  options: ListHelpDesksQuery,
  locale: Locale,
): Promise<HelpDeskPage> {
  let query = summaryQuery(db)
    .orderBy('help_desks.search_name')
    .orderBy('help_desks.id')
    .limit(options.limit + 1);

  const search = options.query?.trim();
  if (search) {
    const pattern = escapeLike(search);
    query = query.where(
      sql<boolean>`help_desks.search_name like '%' || search_text(${pattern}) || '%'`,
    );
  }
  if (options.organisationId !== undefined) {
    if (!isUuid(options.organisationId)) return { items: [], nextCursor: null };
    query = query.where('help_desks.organisation_id', '=', options.organisationId);
  }
  if (options.municipality) {
    const code = options.municipality;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('help_desk_municipalities')
          .select('help_desk_municipalities.help_desk_id')
          .whereRef('help_desk_municipalities.help_desk_id', '=', 'help_desks.id')
          .where('help_desk_municipalities.municipality_code', '=', code),
      ),
    );
  }
  if (options.service) {
    query = query.where(sql<boolean>`${options.service} = any(help_desks.services)`);
  }
  if (options.language) {
    const language = options.language.toLowerCase();
    query = query.where(sql<boolean>`${language} = any(help_desks.languages)`);
  }
  if (options.status) query = query.where('help_desks.status', '=', options.status);
  if (options.cursor) {
    const [searchName, id] = decodeCursor(options.cursor, locale);
    query = query.where((eb) =>
      eb(eb.refTuple('help_desks.search_name', 'help_desks.id'), '>', eb.tuple(searchName, id)),
    );
  }

  const rows = await query.execute();
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const served = await competence(
    db,
    page.map((row) => row.id),
  );
  return {
    items: page.map((row) => {
      const entry = served.get(row.id);
      return {
        ...presentSummary(row),
        competentMunicipalityCount: entry?.count ?? 0,
        competentMunicipalityNames: entry?.names ?? [],
      };
    }),
    nextCursor:
      rows.length > options.limit && last ? encodeNameIdCursor(last.search_name, last.id) : null,
  };
}
