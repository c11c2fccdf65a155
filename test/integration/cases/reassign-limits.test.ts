import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createUser } from '../../helpers/test-app.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { PISA, publicCase, setUpCaseWorld, type CaseWorld } from './case-fixtures.ts';

const withSharing = { handling: true, sharing: true, statistics: true, contact: false };

describe(`where a case may be moved, and what the reporter agreed to, on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  beforeAll(async () => {
    world = await setUpCaseWorld();
  }, 240_000);
  afterAll(() => world.context.close());

  const reassign = (caseId: string, body: Record<string, unknown>) =>
    world.coordinator.client.post(`/api/cases/${caseId}/reassign`, {
      reason: 'competenza',
      ...body,
    });

  function expectFieldError(
    response: Awaited<ReturnType<typeof reassign>>,
    field: string,
    text: string,
  ) {
    expect(response.statusCode, response.body).toBe(400);
    const fields = response.json<{ error: { fields: { field: string; message: string }[] } }>()
      .error.fields;
    expect(fields).toHaveLength(1);
    expect(fields[0]!.field).toBe(field);
    expect(fields[0]!.message).toContain(text);
  }

  /** An organisation with an operator, as the network map may hold one outside the network. */
  async function organisationWithOperator(network: {
    role: 'node' | null;
    leftOn?: string;
  }): Promise<string> {
    const organisation = await createOrganisation(world.context);
    await world.db
      .updateTable('organisations')
      .set({
        network_role: network.role,
        network_joined_on: network.role ? '2020-01-01' : null,
        network_left_on: network.leftOn ?? null,
      })
      .where('id', '=', organisation.id)
      .execute();
    await createUser(world.context, { roles: ['operator'], organisationId: organisation.id });
    return organisation.id;
  }

  it('refuses organisations outside the network or no longer in it, naming the field', async () => {
    const created = await publicCase(world, { consents: withSharing });
    const outside = await organisationWithOperator({ role: null });
    expectFieldError(
      await reassign(created.id, { organisationId: outside }),
      'organisationId',
      'fanno parte della rete',
    );
    const former = await organisationWithOperator({ role: 'node', leftOn: '2021-01-01' });
    expectFieldError(
      await reassign(created.id, { organisationId: former }),
      'organisationId',
      'fanno parte della rete',
    );
    const stillThere = await world.db
      .selectFrom('cases')
      .select('organisation_id')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stillThere.organisation_id).toBe(world.node.id);
  });

  it('refuses a member where nobody works cases, and an inactive desk', async () => {
    const created = await publicCase(world, { consents: withSharing });
    const member = await createOrganisation(world.context);
    await world.db
      .updateTable('organisations')
      .set({ network_role: 'node', network_joined_on: '2020-01-01' })
      .where('id', '=', member.id)
      .execute();
    await createUser(world.context, { roles: ['legal_expert'], organisationId: member.id });
    expectFieldError(
      await reassign(created.id, { organisationId: member.id }),
      'organisationId',
      'nessuno lavora i casi',
    );
    await world.db
      .updateTable('help_desks')
      .set({ status: 'inactive' })
      .where('id', '=', world.firenzeDesk)
      .execute();
    try {
      expectFieldError(
        await reassign(created.id, { helpDeskId: world.firenzeDesk }),
        'helpDeskId',
        'Sportello sconosciuto o non attivo',
      );
    } finally {
      await world.db
        .updateTable('help_desks')
        .set({ status: 'active' })
        .where('id', '=', world.firenzeDesk)
        .execute();
    }
  });

  it('moves a case to another node only with the sharing consent in force', async () => {
    const created = await publicCase(world);
    expectFieldError(
      await reassign(created.id, { helpDeskId: world.firenzeDesk }),
      'helpDeskId',
      'consenso alla condivisione',
    );
    expectFieldError(
      await reassign(created.id, { organisationId: world.otherNode.id }),
      'organisationId',
      'consenso alla condivisione',
    );

    const withdrawn = await publicCase(world, { consents: withSharing });
    await world.db
      .updateTable('cases')
      .set({ consent_sharing_withdrawn_at: new Date() })
      .where('id', '=', withdrawn.id)
      .execute();
    expectFieldError(
      await reassign(withdrawn.id, { helpDeskId: world.firenzeDesk }),
      'helpDeskId',
      'consenso alla condivisione',
    );

    const agreed = await publicCase(world, { consents: withSharing });
    expect((await reassign(agreed.id, { helpDeskId: world.firenzeDesk })).statusCode).toBe(200);
  });

  it('lets handling consent alone cover the competent desk and the network coordination', async () => {
    // Filed before the second competent desk exists, so routing puts them in the node's queue.
    const toCompetent = await publicCase(world);
    const toCoordination = await publicCase(world);
    const competentDesk = await world.db
      .insertInto('help_desks')
      .values({
        organisation_id: world.otherNode.id,
        name: 'Sportello itinerante Pisa',
        municipality_code: PISA,
        channels: ['phone'],
        access_mode: 'walk_in',
        opening_hours: JSON.stringify({ weekly: {}, exceptions: [], closedOnPublicHolidays: true }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await world.db
      .insertInto('help_desk_municipalities')
      .values({ help_desk_id: competentDesk.id, municipality_code: PISA })
      .execute();
    expect((await reassign(toCompetent.id, { helpDeskId: competentDesk.id })).statusCode).toBe(200);

    const escalated = await reassign(toCoordination.id, { organisationId: world.lead.id });
    expect(escalated.statusCode, escalated.body).toBe(200);
    // The coordination dispatches its queue to a node, as routing would have.
    const dispatched = await world.leadCoordinator.client.post(
      `/api/cases/${toCoordination.id}/reassign`,
      { organisationId: world.otherNode.id, reason: 'assegnato al nodo' },
    );
    expect(dispatched.statusCode, dispatched.body).toBe(200);
  });
});
