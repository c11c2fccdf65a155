import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseExpiredCasesJob } from '../../../src/modules/cases/erase-expired-cases.ts';
import { handleInactiveCases } from '../../../src/modules/cases/inactive-cases.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { publicCase, setUpCaseWorld, type CaseWorld } from './case-fixtures.ts';

const DAY = 24 * 60 * 60_000;

describe(`open cases without activity on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  beforeAll(async () => {
    world = await setUpCaseWorld();
  }, 240_000);
  afterAll(() => world.context.close());

  const caseRow = (id: string) =>
    world.db
      .selectFrom('cases')
      .select(['status', 'erased_at', 'narrative_enc', 'receipt_hash', 'ground_codes'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const warnings = (id: string) =>
    world.db
      .selectFrom('case_events')
      .select(['details', 'actor_user_id'])
      .where('case_id', '=', id)
      .where('kind', '=', 'retention_warning')
      .execute();

  it('warns the team on the timeline first, then erases only after the notice, keeping the classified record', async () => {
    const now = new Date();
    // Received 37 months ago, never touched since.
    const forgotten = await publicCase(
      world,
      { narrative: 'MARCATORE-INACTIVE racconto' },
      new Date(now.getTime() - 37 * 31 * DAY),
    );
    const recent = await publicCase(world, {}, new Date(now.getTime() - 300 * DAY));

    const first = await handleInactiveCases(world.db, world.context.config, now);
    expect(first).toEqual({ warnedInactive: 1, erasedInactive: 0 });
    const [warning] = await warnings(forgotten.id);
    expect(warning).toMatchObject({ actor_user_id: null });
    expect(warning!.details).toMatchObject({ inactiveMonths: 36 });
    expect((await caseRow(forgotten.id)).erased_at).toBeNull();
    expect(await warnings(recent.id)).toEqual([]);

    // The team sees the warning in the timeline.
    const timeline = await world.operator.client.get(`/api/cases/${forgotten.id}/timeline`);
    expect(timeline.json<{ events: { kind: string }[] }>().events.map((e) => e.kind)).toContain(
      'retention_warning',
    );
    const audit = await world.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'cases.inactivity_warned')
      .where('target_id', '=', forgotten.id)
      .execute();
    expect(audit).toHaveLength(1);

    // Running again the same night changes nothing: one warning, nothing erased.
    expect(await handleInactiveCases(world.db, world.context.config, now)).toEqual({
      warnedInactive: 0,
      erasedInactive: 0,
    });
    // Before the notice is over, still nothing.
    const later = (days: number) => new Date(now.getTime() + days * DAY);
    expect(
      (await handleInactiveCases(world.db, world.context.config, later(29))).erasedInactive,
    ).toBe(0);

    const erased = await handleInactiveCases(world.db, world.context.config, later(31));
    expect(erased.erasedInactive).toBe(1);
    const row = await caseRow(forgotten.id);
    expect(row.erased_at).not.toBeNull();
    expect(row.narrative_enc).toBeNull();
    expect(row.receipt_hash).toBeNull();
    expect(row.status).toBe('received');
    expect(row.ground_codes).toEqual(['racial_ethnic_origin']);
    const erasure = await world.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'cases.erased')
      .where('target_id', '=', forgotten.id)
      .executeTakeFirstOrThrow();
    expect(erasure.details).toMatchObject({ reason: 'inactive' });
    expect((await caseRow(recent.id)).erased_at).toBeNull();
  });

  it('keeps a warned case that someone worked on, and the nightly job runs the rule', async () => {
    const now = new Date();
    const warned = await publicCase(world, {}, new Date(now.getTime() - 37 * 31 * DAY));
    expect((await handleInactiveCases(world.db, world.context.config, now)).warnedInactive).toBe(1);
    const note = await world.operator.client.post(`/api/cases/${warned.id}/notes`, {
      body: 'Abbiamo richiamato: il procedimento è ancora in corso.',
    });
    expect(note.statusCode, note.body).toBe(201);
    const later = new Date(now.getTime() + 31 * DAY);
    expect(await handleInactiveCases(world.db, world.context.config, later)).toEqual({
      warnedInactive: 0,
      erasedInactive: 0,
    });
    expect((await caseRow(warned.id)).erased_at).toBeNull();

    const untouched = await publicCase(world, {}, new Date(now.getTime() - 37 * 31 * DAY));
    const result = await eraseExpiredCasesJob.handler(
      {
        database: world.context.database.handle,
        config: world.context.config,
        logger: world.context.app.log,
      },
      { id: 'test', data: null, retryCount: 0 },
    );
    expect(result).toMatchObject({ warnedInactive: 1, erasedInactive: 0 });
    expect(await warnings(untouched.id)).toHaveLength(1);
  });
});
