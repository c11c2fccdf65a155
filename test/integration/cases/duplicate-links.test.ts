import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { FIRENZE, intakeBody, setUpCaseWorld, type CaseWorld } from './case-fixtures.ts';

const SHARED_NARRATIVE =
  'Alla cassa del supermercato la guardia mi ha chiesto di aprire lo zaino solo perché sono nero e nessun altro cliente';

interface QueueItem {
  id: string;
  possibleDuplicate: boolean | null;
}

describe(`linking possible duplicates and the queue's flag on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  let mine: string;
  let sameDesk: string;
  let otherDesk: string;
  let alone: string;
  beforeAll(async () => {
    world = await setUpCaseWorld();
    const create = async (
      client: typeof world.operator.client,
      overrides: Record<string, unknown>,
    ) => {
      const response = await client.post('/api/cases', intakeBody(world, overrides));
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>().id;
    };
    mine = await create(world.operator.client, {
      narrative: SHARED_NARRATIVE,
      contact: { name: 'Persona Due', email: 'persona.due@example.org' },
    });
    sameDesk = await create(world.operator.client, {
      contact: { name: 'Persona Due', email: 'Persona.Due@example.org' },
    });
    otherDesk = await create(world.otherOperator.client, {
      narrative: SHARED_NARRATIVE,
      contact: null,
      consents: { handling: true, sharing: false, statistics: true, contact: false },
      municipalityCode: FIRENZE,
      queue: { organisationId: world.otherNode.id, helpDeskId: world.firenzeDesk },
    });
    alone = await create(world.operator.client, {
      contact: { name: 'Persona Tre', phone: '+39 333 999 0001' },
    });
  });
  afterAll(() => world.context.close());

  const flags = async (client = world.operator.client) => {
    const response = await client.get('/api/cases?limit=50');
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<{ items: QueueItem[] }>().items;
    return new Map(items.map((item) => [item.id, item.possibleDuplicate]));
  };

  const events = (caseId: string, kind: string) =>
    world.db
      .selectFrom('case_events')
      .select(['actor_user_id', 'details'])
      .where('case_id', '=', caseId)
      .where('kind', '=', kind)
      .orderBy('id')
      .execute();

  it('flags the cases of a page that have a possible duplicate nobody has linked', async () => {
    const queue = await flags();
    expect(queue.get(mine)).toBe(true);
    expect(queue.get(sameDesk)).toBe(true);
    expect(queue.get(alone)).toBe(false);
    // Not across desks: the other desk's case shares the narrative with this desk's one, but
    // the queue would say so at once and unaudited; the case's possible duplicates say it.
    expect((await flags(world.otherOperator.client)).get(otherDesk)).toBe(false);
    const lookup = await world.otherOperator.client.get(
      `/api/cases/${otherDesk}/possible-duplicates`,
    );
    expect(lookup.json()).toEqual([{ visible: false, matches: ['narrative'] }]);
  });

  it('records a link and its removal on both cases, and the flag follows', async () => {
    const linked = await world.operator.client.post(`/api/cases/${mine}/links`, {
      linkedCaseId: sameDesk,
      kind: 'related',
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(await events(mine, 'case_linked')).toEqual([
      {
        actor_user_id: world.operator.user.id,
        details: { linkedCaseId: sameDesk, linkKind: 'related' },
      },
    ]);
    expect(await events(sameDesk, 'case_linked')).toEqual([
      {
        actor_user_id: world.operator.user.id,
        details: { linkedCaseId: mine, linkKind: 'related' },
      },
    ]);
    const queue = await flags();
    // Their match is linked now; the first case's match at the other desk is not flagged.
    expect(queue.get(sameDesk)).toBe(false);
    expect(queue.get(mine)).toBe(false);

    // Undone from the other side: both timelines say so.
    const unlinked = await world.coordinator.client.request({
      method: 'DELETE',
      url: `/api/cases/${sameDesk}/links/${mine}`,
    });
    expect(unlinked.statusCode, unlinked.body).toBe(204);
    expect((await events(sameDesk, 'case_unlinked')).map((event) => event.details)).toEqual([
      { linkedCaseId: mine },
    ]);
    expect(await events(mine, 'case_unlinked')).toEqual([
      { actor_user_id: world.coordinator.user.id, details: { linkedCaseId: sameDesk } },
    ]);
    expect((await flags()).get(sameDesk)).toBe(true);
  });

  it('shows the link on both timelines as the team reads them', async () => {
    await world.operator.client.post(`/api/cases/${sameDesk}/links`, {
      linkedCaseId: mine,
      kind: 'duplicate',
    });
    for (const [own, other] of [
      [mine, sameDesk],
      [sameDesk, mine],
    ] as const) {
      const timeline = await world.operator.client.get(`/api/cases/${own}/timeline`);
      const linkEvents = timeline
        .json<{ events: { kind: string; details: Record<string, unknown> }[] }>()
        .events.filter((event) => event.kind === 'case_linked');
      expect(linkEvents.at(-1)?.details).toEqual({ linkedCaseId: other, linkKind: 'duplicate' });
    }
  });
});
