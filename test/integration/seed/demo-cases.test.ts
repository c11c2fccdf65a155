import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../../src/seed/demo-cases.ts';
import { demoCases } from '../../../src/seed/demo-cases-data.ts';
import { DEMO_HISTORICAL_CASES } from '../../../src/seed/demo-statistics.ts';
import { seedDemoData } from '../../../src/seed/demo.ts';
import { createTestApp, type TestContext } from '../../helpers/test-app.ts';

describe('demo cases', () => {
  let context: TestContext;
  const db = () => context.database.handle.db;

  beforeAll(async () => {
    context = await createTestApp();
    await seedDemoData(db());
    expect(await seedDemoCases(db(), context.config)).toBe(demoCases.length);
  }, 120_000);
  afterAll(() => context.close());

  it('walks every demo case down its path to the state it describes', async () => {
    const rows = await db()
      .selectFrom('cases')
      .select(['title', 'status', 'outcome_code', 'narrative_enc', 'classified_at'])
      .where('organisation_id', 'is not', null)
      .execute();
    expect(rows).toHaveLength(demoCases.length);
    for (const demo of demoCases) {
      const row = rows.find((candidate) => candidate.title === demo.title)!;
      expect(row.status, demo.title).toBe(demo.path.at(-1) ?? 'received');
      if (demo.outcome) expect(row.outcome_code).toBe(demo.outcome);
      expect(row.narrative_enc).not.toContain(demo.narrative.slice(0, 20));
      expect(row.classified_at !== null, demo.title).toBe(demo.path.length > 0);
    }
  });

  it('routes cases to the competent demo desks and the rest to the central queue', async () => {
    const queues = await db()
      .selectFrom('cases')
      .leftJoin('help_desks', 'help_desks.id', 'cases.help_desk_id')
      .innerJoin('organisations', 'organisations.id', 'cases.organisation_id')
      .where('cases.organisation_id', 'is not', null)
      .select(['cases.municipality_code', 'help_desks.name as desk', 'organisations.network_role'])
      .execute();
    expect(queues.filter((queue) => queue.desk === null)).toEqual([
      { municipality_code: null, desk: null, network_role: 'lead_partner' },
    ]);
  });

  it('adds three years of classified historical records, with no personal field, in no queue', async () => {
    const historical = await db()
      .selectFrom('cases')
      .select(['narrative_enc', 'reporter_contact_enc', 'ground_codes', 'received_at'])
      .where('organisation_id', 'is', null)
      .execute();
    expect(historical).toHaveLength(DEMO_HISTORICAL_CASES);
    for (const row of historical) {
      expect(row.narrative_enc).toBeNull();
      expect(row.reporter_contact_enc).toBeNull();
      expect(row.ground_codes.length).toBeGreaterThan(0);
    }
  });

  it('writes nothing a second time', async () => {
    expect(await seedDemoCases(db(), context.config)).toBe(0);
  });
});
