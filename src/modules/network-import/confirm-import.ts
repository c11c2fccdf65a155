import { sql, type Kysely } from 'kysely';
import { AppError, notFound } from '../../core/errors.ts';
import type { OrganisationValues, ValueField } from '../../core/network-import/parse-rows.ts';
import type { Changes, ReferralTarget, RowPlan } from '../../core/network-import/plan.ts';
import type { DB, OrganisationsTable } from '../../db/schema.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { applyHelpDesks } from './apply-help-desks.ts';
import { applyLinks } from './apply-links.ts';
import { chunks } from './chunks.ts';
import { loadExistingOrganisations, searchNames } from './import-context.ts';
import { PREVIEW_MINUTES, withPreviews } from './previews-table.ts';

const columnOf: Record<ValueField, keyof OrganisationsTable> = {
  kind: 'kind',
  municipalityCode: 'municipality_code',
  address: 'address',
  postalCode: 'postal_code',
  email: 'email',
  phone: 'phone',
  website: 'website',
  networkRole: 'network_role',
  networkJoinedOn: 'network_joined_on',
  unarProtocolSignedOn: 'unar_protocol_signed_on',
  status: 'status',
  latitude: 'latitude',
  longitude: 'longitude',
  description: 'description',
};

/** The organisations columns a plan row changes (territories and referrals have their tables). */
function columnsFor(changes: Changes): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, change] of Object.entries(changes) as [string, { to: unknown }][]) {
    if (field in columnOf) values[columnOf[field as ValueField]] = change.to;
  }
  return values;
}

const sameList = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** PostgreSQL's unique and check violations: the directory changed since the preview. */
function isConstraintViolation(error: unknown): boolean {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : null;
  return code === '23505' || code === '23514' || code === '23503';
}

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportResult extends Counts {
  helpDesks: Counts;
}

/**
 * Applies a preview's plan in one transaction: creates, updates, their history and one audit
 * row. A preview is used once, by whoever made it, within 30 minutes; otherwise 404. If the
 * directory changed since the preview, nothing is written and the answer is a conflict.
 */
export async function confirmImport(
  db: Kysely<DB>,
  previewId: string,
  actor: { userId: string; label: string },
): Promise<ImportResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const preview = await withPreviews(trx)
        .deleteFrom('network_import_previews')
        .where('id', '=', previewId)
        .where('created_by', '=', actor.userId)
        .where('created_at', '>=', sql<Date>`now() - make_interval(mins => ${PREVIEW_MINUTES})`)
        .returning(['plan', 'file_sha256'])
        .executeTakeFirst();
      if (!preview) throw notFound();
      const { plan } = preview;

      // The rows being changed are locked, then checked against what the preview showed.
      const updateIds = plan.update.map((row) => row.organisationId!);
      if (updateIds.length > 0) {
        await trx
          .selectFrom('organisations')
          .select('id')
          .where('id', 'in', updateIds)
          .forUpdate()
          .execute();
      }
      const current = new Map((await loadExistingOrganisations(trx)).map((row) => [row.id, row]));
      for (const row of plan.update) {
        const existing = current.get(row.organisationId!);
        const stale =
          !existing ||
          Object.entries(row.changes).some(
            ([field, change]) =>
              field in columnOf &&
              existing.values[field as keyof OrganisationValues] !== change.from,
          ) ||
          (row.territoryCodes !== undefined &&
            !sameList(existing.territories, row.changes.territoryCodes?.from)) ||
          (row.referrals !== undefined && !sameList(existing.referralsTo, row.referrals.from));
        if (stale) throw new AppError('conflict');
      }
      // An organisation of the same searchable name created since the preview.
      const taken = new Set([...current.values()].map((row) => row.searchName));
      const keys = await searchNames(
        trx,
        plan.create.map((row) => row.name),
      );
      if (plan.create.some((row) => taken.has(keys.get(row.name) ?? row.name))) {
        throw new AppError('conflict');
      }

      const history: { entity_id: string; changes: Record<string, unknown> }[] = [];
      const createdIds = new Map<number, string>();
      for (const row of plan.update) {
        await trx
          .updateTable('organisations')
          .set({ ...columnsFor(row.changes), updated_at: new Date() })
          .where('id', '=', row.organisationId!)
          .execute();
      }
      for (const batch of chunks<RowPlan>(plan.create, 500)) {
        const inserted = await trx
          .insertInto('organisations')
          .values(
            batch.map((row) => ({
              name: row.name,
              kind: 'other_public_body' as const,
              ...columnsFor(row.changes),
            })),
          )
          .returning('id')
          .execute();
        // INSERT … VALUES … RETURNING answers in the order of the values.
        batch.forEach((row, index) => createdIds.set(row.row, inserted[index]!.id));
      }
      const idOf = (row: RowPlan) => row.organisationId ?? createdIds.get(row.row)!;
      const organisationIdOf = (target: ReferralTarget) =>
        'organisationId' in target ? target.organisationId : createdIds.get(target.createdRow)!;
      const changed = [...plan.update, ...plan.create];
      const links = await applyLinks(trx, changed, idOf, organisationIdOf);
      for (const row of changed) {
        history.push({
          entity_id: idOf(row),
          changes: { ...row.changes, ...links.get(idOf(row)) },
        });
      }
      const desks = plan.helpDesks ?? { create: [], update: [], unchanged: 0 };
      const deskHistory = await applyHelpDesks(trx, desks, organisationIdOf);
      const entries = [
        ...history.map((entry) => ({ ...entry, entity_type: 'organisation' as const })),
        ...deskHistory.map((entry) => ({ ...entry, entity_type: 'help_desk' as const })),
      ];
      for (const batch of chunks(entries, 1000)) {
        await trx
          .insertInto('network_history')
          .values(
            batch.map((entry) => ({
              entity_type: entry.entity_type,
              entity_id: entry.entity_id,
              changed_by: actor.userId,
              change_kind: 'imported' as const,
              changes: JSON.stringify(entry.changes),
            })),
          )
          .execute();
      }
      const result: ImportResult = {
        created: plan.create.length,
        updated: plan.update.length,
        unchanged: plan.unchanged,
        helpDesks: {
          created: desks.create.length,
          updated: desks.update.length,
          unchanged: desks.unchanged,
        },
      };
      await appendAudit(trx, {
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'network.imported',
        targetType: 'network_import',
        targetId: previewId,
        details: {
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          helpDesksCreated: result.helpDesks.created,
          helpDesksUpdated: result.helpDesks.updated,
          helpDesksUnchanged: result.helpDesks.unchanged,
          rejected: plan.rejected.length,
          fileSha256: preview.file_sha256,
        },
      });
      return result;
    });
  } catch (error) {
    if (isConstraintViolation(error)) throw new AppError('conflict', { cause: error });
    throw error;
  }
}
