import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/core/policy.ts';
import { loadActor } from '../../../src/modules/auth/sessions.ts';
import { addNote, addAction } from '../../../src/modules/cases/case-notes-actions.ts';
import { addDeadline } from '../../../src/modules/cases/case-deadlines.ts';
import { reassignCase } from '../../../src/modules/cases/reassign-case.ts';
import { transitionCase } from '../../../src/modules/cases/transition-case.ts';
import { updateCase } from '../../../src/modules/cases/update-case.ts';
import { setVictimProfile } from '../../../src/modules/cases/victim-profile.ts';
import { sendStaffMessage } from '../../../src/modules/cases/staff-messages.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { publicCase, setUpCaseWorld, type CaseWorld } from './case-fixtures.ts';

/**
 * The routes check access before their transaction; the writes check it again under the case's
 * row lock, so an access change committed in between (here: the case moved to another
 * organisation) stops the write. The actions are called as the route calls them once its
 * check has passed.
 */
describe(`case writes re-check access inside their transaction on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  let operator: Actor;
  beforeAll(async () => {
    world = await setUpCaseWorld();
    operator = (await loadActor(world.db, world.operator.user.id))!;
  }, 240_000);
  afterAll(() => world.context.close());

  /** A case of the operator's desk, then moved to the other node behind the route's back. */
  async function movedCase(): Promise<string> {
    const created = await publicCase(world);
    await world.db
      .updateTable('cases')
      .set({ organisation_id: world.otherNode.id, help_desk_id: world.firenzeDesk })
      .where('id', '=', created.id)
      .execute();
    return created.id;
  }

  const writes: [string, (caseId: string) => Promise<unknown>][] = [
    [
      'transition',
      async (id) => {
        const { row_version } = await world.db
          .selectFrom('cases')
          .select('row_version')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const body = { to: 'in_triage' as const, rowVersion: row_version };
        return transitionCase(world.db, world.context.config, operator, id, body, 'it');
      },
    ],
    [
      'update',
      (id) =>
        updateCase(world.db, world.context.config, operator, id, { title: 'Nuovo titolo' }, 'it'),
    ],
    [
      'victim profile',
      (id) =>
        setVictimProfile(
          world.db,
          world.context.config,
          operator,
          id,
          {
            ageBand: null,
            gender: null,
            citizenshipGroup: null,
            migrationBackground: null,
            residenceStatus: null,
          },
          'it',
        ),
    ],
    ['note', (id) => addNote(world.db, world.context.config, operator, id, { body: 'nota' }, 'it')],
    [
      'action',
      (id) =>
        addAction(
          world.db,
          world.context.config,
          operator,
          id,
          { kind: 'listening', doneOn: '2026-01-05', outcome: null },
          'it',
        ),
    ],
    [
      'deadline',
      (id) =>
        addDeadline(
          world.db,
          world.context.config,
          operator,
          id,
          { title: 'Richiamare', dueOn: '2099-01-05', assigneeUserId: operator.id },
          'it',
        ),
    ],
    [
      'reassignment',
      async (id) => {
        const coordinator = (await loadActor(world.db, world.coordinator.user.id))!;
        const body = { organisationId: world.lead.id, reason: 'al coordinamento' };
        return reassignCase(world.db, world.context.config, coordinator, id, body, 'it');
      },
    ],
    [
      'message',
      (id) => sendStaffMessage(world.db, world.context.config, operator, id, 'Buongiorno', 'it'),
    ],
  ];

  it.each(writes)('%s: 404 and nothing written once the case left the team', async (_, write) => {
    const caseId = await movedCase();
    const before = await world.db
      .selectFrom('cases')
      .select(['row_version', 'status', 'title'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    await expect(write(caseId)).rejects.toMatchObject({ status: 404 });
    const events = await world.db
      .selectFrom('case_events')
      .select('kind')
      .where('case_id', '=', caseId)
      .execute();
    expect(events.map((event) => event.kind).filter((kind) => kind !== 'received')).toEqual([]);
    const messages = await world.db
      .selectFrom('case_messages')
      .select('id')
      .where('case_id', '=', caseId)
      .execute();
    expect(messages).toEqual([]);
    expect(
      await world.db
        .selectFrom('cases')
        .select(['row_version', 'status', 'title'])
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow(),
    ).toEqual(before);
  });

  // PGlite has one connection: the race needs two, so it runs on PostgreSQL only.
  it.runIf(testDatabaseKind === 'postgresql')(
    'a note racing a reassignment waits for it and is then refused (404) through HTTP',
    async () => {
      const created = await publicCase(world);
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      let commit!: () => void;
      const mayCommit = new Promise<void>((resolve) => (commit = resolve));
      // A reassignment's shape: lock the row, move the case, commit later.
      const reassignment = world.db.transaction().execute(async (trx) => {
        await trx
          .selectFrom('cases')
          .select('id')
          .where('id', '=', created.id)
          .forUpdate()
          .execute();
        await trx
          .updateTable('cases')
          .set({ organisation_id: world.otherNode.id, help_desk_id: world.firenzeDesk })
          .where('id', '=', created.id)
          .execute();
        locked();
        await mayCommit;
      });
      await isLocked;
      // The route's own check still sees the committed case in the operator's queue.
      const posting = world.operator.client.post(`/api/cases/${created.id}/notes`, {
        body: 'Scritta mentre il caso cambiava sportello',
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      commit();
      await reassignment;
      const response = await posting;
      expect(response.statusCode, response.body).toBe(404);
      const notes = await world.db
        .selectFrom('case_events')
        .select('id')
        .where('case_id', '=', created.id)
        .where('kind', '=', 'note')
        .execute();
      expect(notes).toEqual([]);
    },
  );

  it('a desk message and its timeline event are written together', async () => {
    const created = await publicCase(world);
    const response = await world.operator.client.post(`/api/cases/${created.id}/messages`, {
      body: 'Le scriviamo dallo sportello',
    });
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json<{ id: string }>();
    const events = await world.db
      .selectFrom('case_events')
      .select('details')
      .where('case_id', '=', created.id)
      .where('kind', '=', 'message_to_reporter')
      .execute();
    expect(events.map((event) => event.details)).toEqual([{ messageId: id }]);
  });
});
