import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { loadActor } from '../modules/auth/sessions.ts';
import { classifyCase } from '../modules/cases/classify-case.ts';
import { createCase } from '../modules/cases/create-case.ts';
import { transitionCase } from '../modules/cases/transition-case.ts';
import { setVictimProfile } from '../modules/cases/victim-profile.ts';
import { demoCases, type DemoCase } from './demo-cases-data.ts';
import { seedDemoStatistics } from './demo-statistics.ts';
import { releasePublicStats } from '../modules/public-site/open-data/public-releases.ts';

const DAY_MS = 86_400_000;

/** Spreads the steps of a case's path over the days since it arrived. */
function stepTime(receivedAt: Date, step: number, steps: number, now: Date): Date {
  const span = now.getTime() - receivedAt.getTime();
  return new Date(receivedAt.getTime() + (span * (step + 1)) / (steps + 1));
}

const reasons: Partial<Record<string, string>> = {
  not_pertinent:
    'Non emergono elementi di discriminazione: orientata verso il servizio competente.',
  withdrawn: 'La persona ha chiesto di non procedere.',
  redirected: 'Fuori competenza territoriale.',
};

async function seedCase(
  db: Kysely<DB>,
  config: Config,
  actorId: string,
  demo: DemoCase,
  now: Date,
): Promise<void> {
  const coordinator = await loadActor(db, actorId);
  if (!coordinator) throw new Error('demo coordinator not found');
  const receivedAt = new Date(now.getTime() - demo.daysAgo * DAY_MS);
  const created = await createCase(
    db,
    config,
    {
      source: demo.channel === 'web_form' ? 'public_form' : 'operator',
      channel: demo.channel,
      narrative: demo.narrative,
      title: demo.title,
      occurredOn: new Date(receivedAt.getTime() - 2 * DAY_MS).toISOString().slice(0, 10),
      occurredPrecision: 'day',
      municipalityCode: demo.municipalityCode,
      online: demo.online ?? false,
      contact: demo.contact
        ? {
            name: demo.contact.name,
            email: demo.contact.email ?? null,
            phone: demo.contact.phone ?? null,
            preference: null,
          }
        : null,
      locale: 'it',
      reporterRole: demo.reporterRole,
      grounds: demo.grounds,
      domains: demo.domains,
      perpetratorSectors: demo.sectors,
      consents: {
        handling: true,
        sharing: true,
        statistics: demo.statistics ?? true,
        contact: Boolean(demo.contact?.email ?? demo.contact?.phone),
      },
      createdBy: demo.channel === 'web_form' ? null : actorId,
      issueReceipt: demo.channel === 'web_form',
    },
    receivedAt,
  );
  // The demo's one coordinator walks every desk's cases down their paths: the actions check
  // the team's access under the row lock, so they act as a coordinator of the case's queue.
  const actor = {
    ...coordinator,
    memberships: [
      ...coordinator.memberships,
      ...(created.organisationId
        ? [{ organisationId: created.organisationId, role: 'node_coordinator' as const }]
        : []),
    ],
  };
  const version = async () =>
    (
      await db
        .selectFrom('cases')
        .select('row_version')
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow()
    ).row_version;

  if (demo.path.length > 0) {
    await classifyCase(
      db,
      config,
      actor,
      created.id,
      {
        grounds: demo.grounds,
        primaryGround: demo.grounds[0] ?? null,
        perceivedGrounds: [],
        associationGrounds: [],
        domains: demo.domains,
        types: demo.types ?? [],
        perpetratorKind: 'individual',
        perpetratorSectors: demo.sectors,
        perpetratorRoles: [],
        reporterRole: demo.reporterRole,
        rowVersion: await version(),
      },
      'it',
      stepTime(receivedAt, 0, demo.path.length, now),
    );
  }
  if (demo.profile) {
    await setVictimProfile(
      db,
      config,
      actor,
      created.id,
      {
        ageBand: demo.profile.ageBand ?? null,
        gender: demo.profile.gender ?? null,
        citizenshipGroup: demo.profile.citizenshipGroup ?? null,
        migrationBackground: null,
        residenceStatus: null,
        rowVersion: await version(),
      },
      'it',
    );
  }
  for (const [index, to] of demo.path.entries()) {
    await transitionCase(
      db,
      config,
      actor,
      created.id,
      {
        to,
        reason: reasons[to] ?? null,
        outcome: to === 'closed' ? (demo.outcome ?? 'information_only') : null,
        rowVersion: await version(),
      },
      'it',
      stepTime(receivedAt, index, demo.path.length, now),
    );
  }
}

/**
 * Demo cases in every state across the demo desks, written through the same actions the
 * back office uses. Idempotent: nothing is written when any case exists.
 */
export async function seedDemoCases(
  db: Kysely<DB>,
  config: Config,
  now = new Date(),
): Promise<number> {
  const existing = await db.selectFrom('cases').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  const coordinator = await db
    .selectFrom('users')
    .select('id')
    .where('email', 'like', 'coordinatore@%')
    .where('is_demo', '=', true)
    .executeTakeFirst();
  if (!coordinator) return 0;
  for (const demo of demoCases) await seedCase(db, config, coordinator.id, demo, now);
  await seedDemoStatistics(db, now);
  // The public data pages show released years; the job would release them within the hour.
  await releasePublicStats(db, config, now);
  return demoCases.length;
}
