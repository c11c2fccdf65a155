import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../helpers/test-app.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import {
  FIRENZE,
  LUCCA,
  publicCase,
  setUpCaseWorld,
  type CaseDetailBody,
  type CaseWorld,
  type ErrorBody,
} from './case-fixtures.ts';

const emptyClassification = {
  grounds: [] as string[],
  primaryGround: null as string | null,
  perceivedGrounds: [] as string[],
  associationGrounds: [] as string[],
  domains: [] as string[],
  types: [] as string[],
  perpetratorKind: null as string | null,
  perpetratorSectors: [] as string[],
  perpetratorRoles: [] as string[],
  reporterRole: null as string | null,
};

describe(`working a case: transitions, classification, profile, reassignment on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  beforeAll(async () => {
    world = await setUpCaseWorld();
  });
  afterAll(() => world.context.close());

  const detail = async (id: string, client: TestClient = world.operator.client) => {
    const response = await client.get(`/api/cases/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<CaseDetailBody>();
  };

  const move = async (id: string, body: Record<string, unknown>, client?: TestClient) => {
    const { rowVersion } = await detail(id, client);
    return (client ?? world.operator.client).post(`/api/cases/${id}/transitions`, {
      rowVersion,
      ...body,
    });
  };

  const fieldOf = (response: { json: <T>() => T }) =>
    response.json<ErrorBody>().error.fields?.[0]?.field;

  it('takes a case through triage, work and closing, with the clock following', async () => {
    const { id } = await publicCase(world);
    const triage = await move(id, { to: 'in_triage' });
    expect(triage.statusCode, triage.body).toBe(200);
    const triaged = triage.json<CaseDetailBody>();
    expect(triaged.status).toBe('in_triage');
    expect(triaged.acknowledgedAt).not.toBeNull();
    expect(triaged.takenInChargeAt).toBeNull();

    const taken = (await move(id, { to: 'taken_in_charge' })).json<CaseDetailBody>();
    expect(taken.takenInChargeAt).not.toBeNull();
    expect(taken.acknowledgedAt).toBe(triaged.acknowledgedAt);
    expect((await move(id, { to: 'in_progress' })).statusCode).toBe(200);

    const noOutcome = await move(id, { to: 'closed' });
    expect(noOutcome.statusCode).toBe(400);
    expect(fieldOf(noOutcome)).toBe('outcome');
    const unknownOutcome = await move(id, { to: 'closed', outcome: 'made_up' });
    expect(unknownOutcome.statusCode).toBe(400);
    expect(fieldOf(unknownOutcome)).toBe('outcome');

    const closed = await move(id, {
      to: 'closed',
      outcome: 'negotiated_solution',
      reason: 'MOTIVO-SEGRETO accordo raggiunto',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const body = closed.json<CaseDetailBody>();
    expect(body.status).toBe('closed');
    expect(body.classification?.outcome).toBe('negotiated_solution');
    expect(body.finalAt).not.toBeNull();
    expect(body.retentionUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.allowedTransitions).toEqual(['in_progress']);
    const last = body.events.at(-1)!;
    expect(last.kind).toBe('transition');
    expect(last.details).toMatchObject({
      from: 'in_progress',
      to: 'closed',
      outcome: 'negotiated_solution',
    });
    expect(last.body).toBe('MOTIVO-SEGRETO accordo raggiunto');
    // The reason is sealed at rest and never in the audit trail.
    const raw = await world.db
      .selectFrom('case_events')
      .select(['body_enc', 'details'])
      .where('case_id', '=', id)
      .where('kind', '=', 'transition')
      .execute();
    expect(JSON.stringify(raw)).not.toContain('MOTIVO-SEGRETO');
    const audit = await world.db
      .selectFrom('audit_log')
      .select('details')
      .where('target_id', '=', id)
      .execute();
    expect(JSON.stringify(audit)).not.toContain('MOTIVO-SEGRETO');

    const noReason = await move(id, { to: 'in_progress' });
    expect(noReason.statusCode).toBe(400);
    expect(fieldOf(noReason)).toBe('reason');
    const reopened = (
      await move(id, { to: 'in_progress', reason: 'nuovi fatti' })
    ).json<CaseDetailBody>();
    expect(reopened.status).toBe('in_progress');
    expect(reopened.finalAt).toBeNull();
    expect(reopened.retentionUntil).toBeNull();
    expect(reopened.classification?.outcome).toBeNull();
  });

  it('refuses forbidden moves and stale versions with named errors', async () => {
    const { id } = await publicCase(world);
    const skip = await move(id, { to: 'in_progress' });
    expect(skip.statusCode).toBe(400);
    expect(fieldOf(skip)).toBe('to');
    const withoutReason = await move(id, { to: 'not_pertinent' });
    expect(fieldOf(withoutReason)).toBe('reason');
    const outcomeTooEarly = await move(id, { to: 'in_triage', outcome: 'warning' });
    expect(fieldOf(outcomeTooEarly)).toBe('outcome');
    const unknownState = await move(id, { to: 'lost' });
    expect(unknownState.statusCode).toBe(400);
    expect(fieldOf(unknownState)).toBe('to');

    const stale = await world.operator.client.post(`/api/cases/${id}/transitions`, {
      to: 'in_triage',
      rowVersion: 1,
    });
    expect(stale.statusCode).toBe(200);
    const again = await world.operator.client.post(`/api/cases/${id}/transitions`, {
      to: 'taken_in_charge',
      rowVersion: 1,
    });
    expect(again.statusCode).toBe(409);
    expect(fieldOf(again)).toBe('rowVersion');
  });

  it('redirects a report outside the desk’s competence, recording where to', async () => {
    const { id } = await publicCase(world);
    const wrong = await move(id, { to: 'in_triage', redirectTo: world.otherNode.id });
    expect(fieldOf(wrong)).toBe('redirectTo');
    const unknown = await move(id, {
      to: 'redirected',
      reason: 'fuori competenza',
      redirectTo: '00000000-0000-4000-8000-000000000000',
    });
    expect(fieldOf(unknown)).toBe('redirectTo');
    const redirected = await move(id, {
      to: 'redirected',
      reason: 'fuori competenza',
      redirectTo: world.otherNode.id,
    });
    expect(redirected.statusCode, redirected.body).toBe(200);
    const body = redirected.json<CaseDetailBody>();
    expect(body.classification?.outcome).toBe('redirected');
    expect(body.events.at(-1)?.details).toMatchObject({
      to: 'redirected',
      redirectTo: world.otherNode.id,
    });
  });

  it('classifies against the case’s taxonomy version, naming the field of an unknown code', async () => {
    const { id } = await publicCase(world);
    const unknown = await world.operator.client.request({
      method: 'PUT',
      url: `/api/cases/${id}/classification`,
      body: { ...emptyClassification, grounds: ['disability', 'martian_origin'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(fieldOf(unknown)).toBe('grounds.1');
    const flag = await world.operator.client.request({
      method: 'PUT',
      url: `/api/cases/${id}/classification`,
      body: { ...emptyClassification, grounds: ['disability'], primaryGround: 'age' },
    });
    expect(fieldOf(flag)).toBe('primaryGround');

    const subCode = await world.operator.client.request({
      method: 'PUT',
      url: `/api/cases/${id}/classification`,
      body: {
        ...emptyClassification,
        grounds: ['racial_ethnic_origin', 'anti_black'],
        primaryGround: 'anti_black',
      },
    });
    expect(subCode.statusCode, subCode.body).toBe(200);
    expect(subCode.json<CaseDetailBody>().classification?.intersectional).toBe(false);

    const classified = await world.operator.client.request({
      method: 'PUT',
      url: `/api/cases/${id}/classification`,
      body: {
        ...emptyClassification,
        grounds: ['anti_black', 'sex'],
        primaryGround: 'anti_black',
        domains: ['housing'],
        types: ['direct'],
        perpetratorKind: 'individual',
        reporterRole: 'victim',
      },
    });
    expect(classified.statusCode, classified.body).toBe(200);
    const body = classified.json<CaseDetailBody>();
    expect(body.classification?.intersectional).toBe(true);
    expect(body.events.at(-1)).toMatchObject({
      kind: 'classified',
      details: { changes: { grounds: { added: ['sex'], removed: ['racial_ethnic_origin'] } } },
    });
    const audit = await world.db
      .selectFrom('audit_log')
      .select('details')
      .where('target_id', '=', id)
      .where('action', '=', 'cases.classified')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ changed: expect.arrayContaining(['grounds']) });
  });

  it('records the victim profile with “prefer not to say” distinct from not asked', async () => {
    const { id } = await publicCase(world);
    const profile = {
      ageBand: '25_34',
      gender: 'prefer_not_to_say',
      citizenshipGroup: null,
      migrationBackground: 'first_generation',
      residenceStatus: null,
    };
    const response = await world.operator.client.request({
      method: 'PUT',
      url: `/api/cases/${id}/victim-profile`,
      body: profile,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<CaseDetailBody>().victimProfile).toEqual(profile);
    const invalid = await world.operator.client.request({
      method: 'PUT',
      url: `/api/cases/${id}/victim-profile`,
      body: { ...profile, gender: 'robot' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(fieldOf(invalid)).toBe('gender');
  });

  it('changes title, assignee, date and municipality, refusing an outsider as assignee', async () => {
    const { id } = await publicCase(world);
    const outsider = await world.operator.client.request({
      method: 'PATCH',
      url: `/api/cases/${id}`,
      body: { assigneeUserId: world.otherOperator.user.id },
    });
    expect(outsider.statusCode).toBe(400);
    expect(fieldOf(outsider)).toBe('assigneeUserId');
    const badPlace = await world.operator.client.request({
      method: 'PATCH',
      url: `/api/cases/${id}`,
      body: { municipalityCode: '000000' },
    });
    expect(fieldOf(badPlace)).toBe('municipalityCode');
    const changed = await world.operator.client.request({
      method: 'PATCH',
      url: `/api/cases/${id}`,
      body: {
        title: 'Insulti sul bus',
        assigneeUserId: world.coordinator.user.id,
        occurredOn: '2026-09-01',
        occurredPrecision: 'month',
        municipalityCode: FIRENZE,
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const body = changed.json<CaseDetailBody>();
    expect(body.title).toBe('Insulti sul bus');
    expect(body.assignee?.id).toBe(world.coordinator.user.id);
    expect(body.municipality?.code).toBe(FIRENZE);
    expect(body.events.at(-1)?.details['fields']).toEqual(
      expect.arrayContaining(['title', 'assigneeUserId', 'occurredOn', 'municipalityCode']),
    );
  });

  it('lets only a coordinator of the holding organisation reassign, keeping the due dates', async () => {
    // Firenze's desk is not competent for Pisa: the move needs the reporter's sharing consent.
    const created = await publicCase(world, {
      consents: { handling: true, sharing: true, statistics: true, contact: false },
    });
    const before = await detail(created.id);
    const dueDates = () =>
      world.db
        .selectFrom('cases')
        .select(['acknowledge_due_on', 'take_in_charge_due_on'])
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
    const dueBefore = await dueDates();
    const byOperator = await world.operator.client.post(`/api/cases/${created.id}/reassign`, {
      helpDeskId: world.firenzeDesk,
      reason: 'competenza',
    });
    expect(byOperator.statusCode).toBe(404);
    const byOtherCoordinator = await world.otherCoordinator.client.post(
      `/api/cases/${created.id}/reassign`,
      { helpDeskId: world.firenzeDesk, reason: 'competenza' },
    );
    expect(byOtherCoordinator.statusCode).toBe(404);
    const noReason = await world.coordinator.client.post(`/api/cases/${created.id}/reassign`, {
      helpDeskId: world.firenzeDesk,
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(fieldOf(noReason)).toBe('reason');
    const both = await world.coordinator.client.post(`/api/cases/${created.id}/reassign`, {
      reason: 'competenza',
    });
    expect(fieldOf(both)).toBe('helpDeskId');

    const moved = await world.coordinator.client.post(`/api/cases/${created.id}/reassign`, {
      helpDeskId: world.firenzeDesk,
      reason: 'competenza territoriale',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<{ to: { helpDeskId: string } }>().to.helpDeskId).toBe(world.firenzeDesk);
    expect((await world.operator.client.get(`/api/cases/${created.id}`)).statusCode).toBe(404);
    const after = await detail(created.id, world.otherOperator.client);
    expect(after.helpDesk?.id).toBe(world.firenzeDesk);
    expect(after.overdue).toEqual(before.overdue);
    expect(await dueDates()).toEqual(dueBefore);
    expect(after.events.at(-1)).toMatchObject({
      kind: 'reassigned',
      body: 'competenza territoriale',
    });

    // The lead partner's coordinators dispatch the central queue.
    const central = await publicCase(world, { municipalityCode: LUCCA });
    const dispatched = await world.leadCoordinator.client.post(
      `/api/cases/${central.id}/reassign`,
      { organisationId: world.node.id, reason: 'assegnato al nodo' },
    );
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    expect((await detail(central.id)).organisation?.id).toBe(world.node.id);
  });
});
