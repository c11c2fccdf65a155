import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import {
  FIRENZE,
  intakeBody,
  setUpCaseWorld,
  type CaseWorld,
  type ErrorBody,
} from './case-fixtures.ts';
import { auditRows } from './timeline-fixtures.ts';

const SHARED_NARRATIVE =
  'Il gestore del bar ha rifiutato di servirci dicendo che non vuole clienti stranieri nel suo locale la sera di sabato scorso';

interface Duplicate {
  visible: boolean;
  caseId?: string;
  reference?: string;
  organisationName?: string | null;
  receivedMonth?: string;
  matches: string[];
  link?: string | null;
}

describe(`possible duplicates across desks on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  let mine: { id: string; reference: string };
  let sameDesk: { id: string; reference: string };
  let otherDesk: { id: string; reference: string };
  beforeAll(async () => {
    world = await setUpCaseWorld();
    const create = async (
      client: typeof world.operator.client,
      overrides: Record<string, unknown>,
    ) => {
      const response = await client.post('/api/cases', intakeBody(world, overrides));
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string; reference: string }>();
    };
    mine = await create(world.operator.client, {
      narrative: SHARED_NARRATIVE,
      contact: { name: 'Persona Uno', email: 'Persona.Uno@Example.org' },
    });
    sameDesk = await create(world.operator.client, {
      narrative: 'Un racconto diverso, scritto con altre parole.',
      contact: { name: 'Persona Uno', email: 'persona.uno@example.org ' },
    });
    otherDesk = await create(world.otherOperator.client, {
      narrative: `${SHARED_NARRATIVE}.`,
      contact: { name: 'Altro nome', phone: '+39 333 000 1111' },
      municipalityCode: FIRENZE,
      queue: { organisationId: world.otherNode.id, helpDeskId: world.firenzeDesk },
    });
    // Unrelated.
    await create(world.operator.client, {
      contact: null,
      consents: { handling: true, sharing: false, statistics: false, contact: false },
    });
  });
  afterAll(() => world.context.close());

  const duplicates = async (id = mine.id, client = world.operator.client) => {
    const response = await client.get(`/api/cases/${id}/possible-duplicates`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Duplicate[]>();
  };

  it('shows cases the reader may open with their reference, others without identity', async () => {
    const found = await duplicates();
    expect(found).toHaveLength(2);
    const visible = found.find((item) => item.visible);
    expect(visible).toMatchObject({
      caseId: sameDesk.id,
      reference: sameDesk.reference,
      matches: ['email'],
      link: null,
    });
    const hidden = found.find((item) => !item.visible);
    // Neither the desk nor the month: only that another desk holds a possible match.
    expect(hidden).toEqual({ visible: false, matches: ['narrative'] });
    expect(JSON.stringify(hidden)).not.toContain(otherDesk.id);
    expect(JSON.stringify(hidden)).not.toContain(otherDesk.reference);

    // The other desk sees this desk's case the same way.
    const theirs = await duplicates(otherDesk.id, world.otherOperator.client);
    expect(theirs).toEqual([{ visible: false, matches: ['narrative'] }]);
    const audit = await auditRows(world.db, mine.id, 'cases.duplicates_read');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ count: 2, visible: 1, hidden: 1 });
  });

  it('links and unlinks cases by a person, never merging them', async () => {
    const linked = await world.operator.client.post(`/api/cases/${mine.id}/links`, {
      linkedCaseId: sameDesk.id,
      kind: 'duplicate',
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ changed: true, kind: 'duplicate' });
    expect((await duplicates()).find((item) => item.visible)?.link).toBe('duplicate');
    // Seen from the other case too.
    expect((await duplicates(sameDesk.id)).find((item) => item.caseId === mine.id)?.link).toBe(
      'duplicate',
    );
    const repeated = await world.operator.client.post(`/api/cases/${sameDesk.id}/links`, {
      linkedCaseId: mine.id,
      kind: 'duplicate',
    });
    expect(repeated.json()).toMatchObject({ changed: false });
    const both = await world.db
      .selectFrom('cases')
      .select('id')
      .where('id', 'in', [mine.id, sameDesk.id])
      .execute();
    expect(both).toHaveLength(2);

    // A case the operator cannot open cannot be linked: same answer as an unknown one.
    for (const linkedCaseId of [otherDesk.id, '00000000-0000-4000-8000-000000000000', mine.id]) {
      const refused = await world.operator.client.post(`/api/cases/${mine.id}/links`, {
        linkedCaseId,
        kind: 'related',
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<ErrorBody>().error.fields?.[0]?.field).toBe('linkedCaseId');
    }
    const foreign = await world.otherOperator.client.post(`/api/cases/${mine.id}/links`, {
      linkedCaseId: otherDesk.id,
      kind: 'related',
    });
    expect(foreign.statusCode).toBe(404);

    const unlink = await world.operator.client.request({
      method: 'DELETE',
      url: `/api/cases/${mine.id}/links/${sameDesk.id}`,
    });
    expect(unlink.statusCode).toBe(204);
    expect((await duplicates()).find((item) => item.visible)?.link).toBeNull();
    const again = await world.operator.client.request({
      method: 'DELETE',
      url: `/api/cases/${mine.id}/links/${sameDesk.id}`,
    });
    expect(again.statusCode).toBe(404);
    const events = await world.db
      .selectFrom('case_events')
      .select('kind')
      .where('case_id', '=', mine.id)
      .where('kind', 'in', ['case_linked', 'case_unlinked'])
      .orderBy('id')
      .execute();
    expect(events.map((event) => event.kind)).toEqual(['case_linked', 'case_unlinked']);
    expect(await auditRows(world.db, mine.id, 'cases.linked')).not.toHaveLength(0);
    expect(await auditRows(world.db, mine.id, 'cases.unlinked')).not.toHaveLength(0);
  });

  it('answers 404 to people outside the team', async () => {
    for (const person of [world.otherOperator, world.legalExpert, world.analyst, world.admin]) {
      const response = await person.client.get(`/api/cases/${mine.id}/possible-duplicates`);
      expect(response.statusCode).toBe(404);
    }
  });
});
