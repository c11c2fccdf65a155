import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { createUser } from '../../helpers/test-app.ts';
import { intakeBody, setUpCaseWorld, type CaseWorld, type ErrorBody } from './case-fixtures.ts';
import { auditRows } from './timeline-fixtures.ts';

interface Assignable {
  id: string;
  displayName: string;
  role: string;
}

describe(`the people a case can be assigned to on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  let caseId: string;
  let rowVersion: number;
  let disabledId: string;
  beforeAll(async () => {
    world = await setUpCaseWorld();
    const created = await world.operator.client.post('/api/cases', intakeBody(world));
    expect(created.statusCode, created.body).toBe(201);
    caseId = created.json<{ id: string }>().id;
    const detail = await world.operator.client.get(`/api/cases/${caseId}`);
    rowVersion = detail.json<{ rowVersion: number }>().rowVersion;
    disabledId = (
      await createUser(world.context, {
        roles: ['operator'],
        organisationId: world.node.id,
        disabled: true,
      })
    ).id;
  });
  afterAll(() => world.context.close());

  const list = async (client = world.operator.client) => {
    const response = await client.get(`/api/cases/${caseId}/assignable-users`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Assignable[]>();
  };

  it("lists the case team's active operators and coordinators by name, without e-mail", async () => {
    const people = await list();
    const ids = people.map((person) => person.id);
    expect(ids).toContain(world.operator.user.id);
    expect(people.find((person) => person.id === world.coordinator.user.id)).toMatchObject({
      role: 'node_coordinator',
      displayName: expect.stringMatching(/^Test User \d+$/) as string,
    });
    // Another desk's operator, a legal expert (no team access), a disabled account, analysts.
    for (const outsider of [
      world.otherOperator.user.id,
      world.legalExpert.user.id,
      world.analyst.user.id,
      world.admin.user.id,
      disabledId,
    ]) {
      expect(ids).not.toContain(outsider);
    }
    for (const person of people)
      expect(Object.keys(person).sort()).toEqual(['displayName', 'id', 'role']);
    expect(JSON.stringify(people)).not.toContain('@');
    // An operator may ask too, not only those who may read accounts; each read is audited.
    expect(await list(world.coordinator.client)).toEqual(people);
    const audit = await auditRows(world.db, caseId, 'cases.assignable_users_read');
    expect(audit).toHaveLength(2);
    expect(audit[0]?.details).toMatchObject({ count: people.length });
  });

  it('assigns a listed colleague and refuses anyone else, naming the field', async () => {
    const assign = (assigneeUserId: string) =>
      world.operator.client.request({
        method: 'PATCH',
        url: `/api/cases/${caseId}`,
        body: { assigneeUserId, rowVersion },
      });
    const given = await assign(world.coordinator.user.id);
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json<{ assignee: { id: string } | null }>().assignee?.id).toBe(
      world.coordinator.user.id,
    );
    rowVersion += 1;
    for (const outsider of [world.otherOperator.user.id, world.legalExpert.user.id, disabledId]) {
      const refused = await assign(outsider);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json<ErrorBody>().error.fields?.[0]?.field).toBe('assigneeUserId');
    }
  });

  it('answers 404 to anyone who may not work the case', async () => {
    for (const person of [
      world.otherOperator,
      world.otherCoordinator,
      world.legalExpert,
      world.analyst,
      world.auditor,
      world.admin,
    ]) {
      const response = await person.client.get(`/api/cases/${caseId}/assignable-users`);
      expect(response.statusCode).toBe(404);
    }
    const unknown = await world.operator.client.get(
      '/api/cases/00000000-0000-4000-8000-000000000000/assignable-users',
    );
    expect(unknown.statusCode).toBe(404);
    const malformed = await world.operator.client.get('/api/cases/not-a-case/assignable-users');
    expect(malformed.statusCode).toBe(404);
  });
});
