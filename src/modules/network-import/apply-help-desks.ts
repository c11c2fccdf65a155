import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { DeskState, HelpDeskPlan } from '../../core/network-import/desk-plan.ts';
import type { ReferralTarget } from '../../core/network-import/plan.ts';
import type { DB, HelpDesksTable } from '../../db/schema.ts';
import { chunks } from './chunks.ts';
import { loadExistingHelpDesks } from './import-context.ts';

const columnOf: Record<
  Exclude<keyof DeskState, 'competentMunicipalityCodes'>,
  keyof HelpDesksTable
> = {
  description: 'description',
  municipalityCode: 'municipality_code',
  address: 'address',
  postalCode: 'postal_code',
  latitude: 'latitude',
  longitude: 'longitude',
  phone: 'phone',
  email: 'email',
  website: 'website',
  onlineUrl: 'online_url',
  channels: 'channels',
  services: 'services',
  languages: 'languages',
  accessibility: 'accessibility',
  accessMode: 'access_mode',
  openingHours: 'opening_hours',
  status: 'status',
};

function columnsFor(changes: Partial<Record<keyof DeskState, { to: unknown }>>) {
  const values: Record<string, unknown> = {};
  for (const [field, change] of Object.entries(changes) as [keyof DeskState, { to: unknown }][]) {
    if (field === 'competentMunicipalityCodes') continue;
    values[columnOf[field]] = field === 'openingHours' ? JSON.stringify(change.to) : change.to;
  }
  return values;
}

export interface DeskHistory {
  entity_id: string;
  changes: Record<string, unknown>;
}

/**
 * Writes the help-desk part of a confirmed plan inside the caller's transaction, after the
 * organisations (a desk may belong to one created by the same import). Desks changed since
 * the preview make the whole import a conflict. Answers the history rows to write.
 */
export async function applyHelpDesks(
  trx: Kysely<DB>,
  plan: HelpDeskPlan,
  organisationIdOf: (target: ReferralTarget) => string,
): Promise<DeskHistory[]> {
  const history: DeskHistory[] = [];
  const updateIds = plan.update.map((row) => row.helpDeskId!);
  if (updateIds.length > 0) {
    await trx
      .selectFrom('help_desks')
      .select('id')
      .where('id', 'in', updateIds)
      .forUpdate()
      .execute();
    const current = new Map((await loadExistingHelpDesks(trx)).map((desk) => [desk.id, desk]));
    for (const row of plan.update) {
      const desk = current.get(row.helpDeskId!);
      const stale =
        !desk ||
        Object.entries(row.changes).some(
          ([field, change]) =>
            JSON.stringify(desk.state[field as keyof DeskState]) !== JSON.stringify(change.from),
        );
      if (stale) throw new AppError('conflict');
    }
  }
  for (const row of plan.update) {
    const id = row.helpDeskId!;
    await trx
      .updateTable('help_desks')
      .set({ ...columnsFor(row.changes), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    const competent = row.changes.competentMunicipalityCodes;
    if (competent) {
      await trx.deleteFrom('help_desk_municipalities').where('help_desk_id', '=', id).execute();
      await trx
        .insertInto('help_desk_municipalities')
        .values(
          (competent.to as string[]).map((code) => ({ help_desk_id: id, municipality_code: code })),
        )
        .execute();
    }
    history.push({ entity_id: id, changes: row.changes });
  }
  for (const batch of chunks(plan.create, 1000)) {
    const inserted = await trx
      .insertInto('help_desks')
      .values(
        batch.map((row) => {
          const state = row.state!;
          return {
            organisation_id: organisationIdOf(row.organisation),
            name: row.name,
            description: state.description,
            municipality_code: state.municipalityCode,
            address: state.address,
            postal_code: state.postalCode,
            latitude: state.latitude,
            longitude: state.longitude,
            phone: state.phone,
            email: state.email,
            website: state.website,
            online_url: state.onlineUrl,
            channels: state.channels,
            services: state.services,
            languages: state.languages,
            accessibility: state.accessibility,
            access_mode: state.accessMode,
            opening_hours: JSON.stringify(state.openingHours),
            status: state.status,
          };
        }),
      )
      .returning('id')
      .execute();
    // INSERT … VALUES … RETURNING answers in the order of the values.
    const competent = batch.flatMap((row, index) =>
      row.state!.competentMunicipalityCodes.map((code) => ({
        help_desk_id: inserted[index]!.id,
        municipality_code: code,
      })),
    );
    for (const part of chunks(competent, 5000)) {
      await trx.insertInto('help_desk_municipalities').values(part).execute();
    }
    batch.forEach((row, index) => {
      history.push({
        entity_id: inserted[index]!.id,
        changes: {
          organisationId: { from: null, to: organisationIdOf(row.organisation) },
          name: { from: null, to: row.name },
          ...row.changes,
        },
      });
    });
  }
  return history;
}
