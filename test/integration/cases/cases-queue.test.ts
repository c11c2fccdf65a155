import { sql } from 'kysely';
import { searchPlanFor } from '../../../src/modules/cases/list-cases.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import {
  FIRENZE,
  intakeBody,
  LUCCA,
  publicCase,
  setUpCaseWorld,
  type CaseDetailBody,
  type CaseWorld,
  type ErrorBody,
} from './case-fixtures.ts';

interface ListItem {
  id: string;
  reference: string;
  title: string | null;
  status: string;
  helpDesk: { id: string; name: string } | null;
  assignee: { id: string } | null;
  grounds: string[] | null;
  overdue: { acknowledge: boolean; takeInCharge: boolean };
  access: string;
}
interface Page {
  items: ListItem[];
  nextCursor: string | null;
}

describe(`staff cases: intake, queue and access on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  beforeAll(async () => {
    world = await setUpCaseWorld();
  });
  afterAll(() => world.context.close());

  const list = async (client = world.operator.client, query = '') => {
    const response = await client.get(`/api/cases${query ? `?${query}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  };

  it('files an operator intake in their own desk queue, with a receipt code shown once', async () => {
    const response = await world.operator.client.post(
      '/api/cases',
      intakeBody(world, { issueReceipt: true, title: 'Affitto negato a Pisa' }),
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const created = response.json<{
      id: string;
      reference: string;
      receiptCode: string;
      helpDeskId: string;
    }>();
    expect(created.receiptCode).toMatch(/^\d{16}$/);
    expect(created.helpDeskId).toBe(world.pisaDesk);
    expect(created.reference).toMatch(/^SEG-\d{4}-\d{6}$/);

    const page = await list();
    expect(page.items.map((item) => item.id)).toContain(created.id);

    // The consents were given to the operator, who is recorded as having created the case.
    const consents = await world.db
      .selectFrom('cases')
      .select(['consent_version', 'consent_handling', 'created_by'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(consents).toEqual({
      consent_version: '2026-11',
      consent_handling: true,
      created_by: world.operator.user.id,
    });

    const detail = await world.operator.client.get(`/api/cases/${created.id}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json<CaseDetailBody>();
    expect(body.access).toBe('team');
    expect(body.narrative).toContain('non assumono stranieri');
    expect(body.reporter.contact?.name).toBe('Amina Test');
    expect(body.reporter.hasReceipt).toBe(true);
    expect(body.allowedTransitions).toContain('in_triage');
    expect(body.events.map((event) => event.kind)).toEqual(['received']);
    expect(body.municipality?.name).toBe('Pisa');
  });

  it('refuses a queue that is not the operator’s own with 404, and names invalid fields', async () => {
    const foreign = await world.operator.client.post(
      '/api/cases',
      intakeBody(world, { queue: { organisationId: world.otherNode.id } }),
    );
    expect(foreign.statusCode).toBe(404);
    const foreignDesk = await world.operator.client.post(
      '/api/cases',
      intakeBody(world, {
        queue: { organisationId: world.node.id, helpDeskId: world.firenzeDesk },
      }),
    );
    expect(foreignDesk.statusCode).toBe(404);

    const invalid = await world.operator.client.post(
      '/api/cases',
      intakeBody(world, {
        municipalityCode: '999999',
        grounds: ['not_a_ground'],
        consents: { handling: false, sharing: false, statistics: false, contact: false },
      }),
    );
    expect(invalid.statusCode).toBe(400);
    const fields = invalid.json<ErrorBody>().error.fields?.map((field) => field.field);
    expect(fields).toEqual(expect.arrayContaining(['municipalityCode', 'grounds.0']));

    const consent = await world.operator.client.post(
      '/api/cases',
      intakeBody(world, {
        consents: { handling: false, sharing: false, statistics: false, contact: false },
      }),
    );
    expect(consent.statusCode).toBe(400);
    expect(consent.json<ErrorBody>().error.fields?.[0]?.field).toBe('consents.handling');

    const web = await world.operator.client.post(
      '/api/cases',
      intakeBody(world, { channel: 'web_form' }),
    );
    expect(web.statusCode).toBe(400);
    expect(web.json<ErrorBody>().error.fields?.[0]?.field).toBe('channel');
  });

  it('routes a public report to the competent desk, otherwise to the central queue', async () => {
    const pisa = await publicCase(world);
    expect(pisa.helpDeskId).toBe(world.pisaDesk);
    expect(pisa.organisationId).toBe(world.node.id);
    const firenze = await publicCase(world, { municipalityCode: FIRENZE });
    expect(firenze.helpDeskId).toBe(world.firenzeDesk);
    const lucca = await publicCase(world, { municipalityCode: LUCCA });
    expect(lucca.helpDeskId).toBeNull();
    expect(lucca.organisationId).toBe(world.lead.id);

    const operatorQueue = (await list(world.operator.client, 'limit=200')).items.map((i) => i.id);
    expect(operatorQueue).toContain(pisa.id);
    expect(operatorQueue).not.toContain(firenze.id);
    expect(operatorQueue).not.toContain(lucca.id);
    const central = (await list(world.leadCoordinator.client, 'limit=200')).items.map((i) => i.id);
    expect(central).toEqual([lucca.id]);
  });

  it('answers 404 on every case route to another desk and to roles that never see cases', async () => {
    const foreign = await publicCase(world, { municipalityCode: FIRENZE });
    const routes = [
      { method: 'GET', url: `/api/cases/${foreign.id}` },
      { method: 'PATCH', url: `/api/cases/${foreign.id}`, body: { title: 'x' } },
      {
        method: 'POST',
        url: `/api/cases/${foreign.id}/transitions`,
        body: { to: 'in_triage', rowVersion: 1 },
      },
      {
        method: 'PUT',
        url: `/api/cases/${foreign.id}/classification`,
        body: {
          grounds: [],
          primaryGround: null,
          perceivedGrounds: [],
          associationGrounds: [],
          domains: [],
          types: [],
          perpetratorKind: null,
          perpetratorSectors: [],
          perpetratorRoles: [],
          reporterRole: null,
        },
      },
      {
        method: 'PUT',
        url: `/api/cases/${foreign.id}/victim-profile`,
        body: {
          ageBand: null,
          gender: null,
          citizenshipGroup: null,
          migrationBackground: null,
          residenceStatus: null,
        },
      },
      {
        method: 'POST',
        url: `/api/cases/${foreign.id}/reassign`,
        body: { organisationId: world.node.id, reason: 'prova' },
      },
    ] as const;
    const people = [
      world.operator,
      world.coordinator,
      world.legalExpert,
      world.analyst,
      world.auditor,
      world.admin,
    ];
    for (const person of people) {
      for (const route of routes) {
        const response = await person.client.request({
          method: route.method,
          url: route.url,
          ...('body' in route ? { body: route.body } : {}),
        });
        expect(response.statusCode, `${person.user.email} ${route.method} ${route.url}`).toBe(404);
      }
    }
    const missing = await world.operator.client.get(
      '/api/cases/00000000-0000-4000-8000-000000000000',
    );
    expect(missing.statusCode).toBe(404);
    expect((await world.operator.client.get('/api/cases/not-a-uuid')).statusCode).toBe(404);
    // The foreign desk's own operator reads it.
    expect((await world.otherOperator.client.get(`/api/cases/${foreign.id}`)).statusCode).toBe(200);
  });

  it('writes an audit row for every read, with no personal data in it', async () => {
    const created = await publicCase(world, { narrative: 'MARCATORE-AUDIT racconto personale' });
    for (let read = 0; read < 3; read += 1) {
      expect((await world.operator.client.get(`/api/cases/${created.id}`)).statusCode).toBe(200);
    }
    const rows = await world.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'details', 'outcome'])
      .where('target_id', '=', created.id)
      .where('action', '=', 'cases.read')
      .execute();
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.actor_user_id).toBe(world.operator.user.id);
      expect(JSON.stringify(row.details)).not.toContain('MARCATORE');
    }
    const denied = await world.otherOperator.client.get(`/api/cases/${created.id}`);
    expect(denied.statusCode).toBe(404);
    const deniedRows = await world.db
      .selectFrom('audit_log')
      .select('outcome')
      .where('target_id', '=', created.id)
      .where('actor_user_id', '=', world.otherOperator.user.id)
      .execute();
    expect(deniedRows).toEqual([{ outcome: 'denied' }]);
  });

  it('lets a referral receiver see only what the referral shares', async () => {
    const created = await publicCase(world, {
      narrative: 'Storia condivisa',
      contact: { name: 'Nome Riservato', email: 'r@example.org', phone: null, preference: null },
    });
    await world.db
      .insertInto('case_referrals')
      .values({
        case_id: created.id,
        from_organisation_id: world.node.id,
        to_organisation_id: world.otherNode.id,
        shares: ['narrative'],
        created_by: world.coordinator.user.id,
      })
      .execute();
    const response = await world.otherOperator.client.get(`/api/cases/${created.id}`);
    expect(response.statusCode).toBe(200);
    const body = response.json<CaseDetailBody>();
    expect(body.access).toBe('referral');
    expect(body.narrative).toBe('Storia condivisa');
    expect(body.reporter.contact).toBeNull();
    expect(body.classification).toBeNull();
    expect(body.events).toEqual([]);
    expect(body.allowedTransitions).toEqual([]);
    // A referral reads, it does not work the case.
    const change = await world.otherOperator.client.request({
      method: 'PATCH',
      url: `/api/cases/${created.id}`,
      body: { title: 'Titolo' },
    });
    expect(change.statusCode).toBe(404);
    const referred = await list(world.otherOperator.client, 'scope=referred');
    const item = referred.items.find((entry) => entry.id === created.id);
    expect(item?.access).toBe('referral');
    expect(item?.grounds).toBeNull();
    expect(item?.assignee).toBeNull();
  });
});

describe(`the case queue: filters, search and keyset pages on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  const ids: string[] = [];
  beforeAll(async () => {
    world = await setUpCaseWorld();
    // 23 cases a minute apart, several on the same instant to test the id tie-break.
    const start = Date.parse('2026-11-02T08:00:00Z');
    for (let index = 0; index < 23; index += 1) {
      const at = new Date(start + Math.floor(index / 2) * 60_000);
      const created = await publicCase(
        world,
        {
          title: index === 7 ? 'Discriminazione in farmacia' : `Caso di prova ${index}`,
          grounds: index % 3 === 0 ? ['anti_black'] : ['disability'],
          domains: index % 2 === 0 ? ['housing'] : ['transport'],
        },
        at,
      );
      ids.push(created.id);
    }
  });
  afterAll(() => world.context.close());

  const list = async (query: string) => {
    const response = await world.operator.client.get(`/api/cases?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  };

  it('walks the queue in pages without gaps or duplicates, newest first', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list(`limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(23);
    expect(seen.toSorted()).toEqual(ids.toSorted());
    const all = await list('limit=200');
    expect(all.items.map((item) => item.id)).toEqual(seen);
  });

  it('refuses an altered cursor naming the field', async () => {
    const response = await world.operator.client.get('/api/cases?cursor=bm90LWEtY3Vyc29y');
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error.fields?.[0]?.field).toBe('cursor');
  });

  it('answers 400, not a database error, for dates and cursor instants the database refuses', async () => {
    const cursorOf = (instant: string) =>
      Buffer.from(JSON.stringify([instant, '00000000-0000-4000-8000-000000000000'])).toString(
        'base64url',
      );
    for (const instant of [
      '0000-01-01T00:00:00.000000Z',
      '2026-13-45T00:00:00.000000Z',
      '2026-02-30T25:61:00.000000Z',
    ]) {
      const response = await world.operator.client.get(`/api/cases?cursor=${cursorOf(instant)}`);
      expect(response.statusCode, instant).toBe(400);
      expect(response.json<ErrorBody>().error.fields?.[0]?.field).toBe('cursor');
    }
    for (const name of ['receivedFrom', 'receivedTo']) {
      const response = await world.operator.client.get(`/api/cases?${name}=0000-01-01`);
      expect(response.statusCode, name).toBe(400);
      expect(response.json<ErrorBody>().error.fields?.[0]?.field).toBe(name);
    }
    const created = await world.operator.client.post(
      '/api/cases',
      intakeBody(world, { occurredOn: '0000-01-01' }),
    );
    expect(created.statusCode).toBe(400);
    expect(created.json<ErrorBody>().error.fields?.[0]?.field).toBe('occurredOn');
  });

  it('filters by ground (with its sub-codes), domain, status and date', async () => {
    const racial = await list('ground=racial_ethnic_origin&limit=200');
    expect(racial.items).toHaveLength(8);
    const housing = await list('domain=housing&limit=200');
    expect(housing.items).toHaveLength(12);
    const received = await list('status=received&limit=200');
    expect(received.items).toHaveLength(23);
    expect((await list('status=closed,in_triage')).items).toHaveLength(0);
    const day = await list('receivedFrom=2026-11-02&receivedTo=2026-11-02&limit=200');
    expect(day.items).toHaveLength(23);
    expect((await list('receivedFrom=2026-11-03')).items).toHaveLength(0);
    const invalid = await world.operator.client.get('/api/cases?status=lost');
    expect(invalid.statusCode).toBe(400);
  });

  it('searches titles and references, never the encrypted narrative', async () => {
    const found = await list('q=FARMACIA');
    expect(found.items.map((item) => item.id)).toEqual([ids[7]]);
    const byReference = await list(`q=${found.items[0]!.reference}`);
    expect(byReference.items.map((item) => item.id)).toEqual([ids[7]]);
    expect((await list('q=Segnalazione pubblica')).items).toHaveLength(0);
  });

  it('finds the same cases for common words once the database has statistics', async () => {
    // Rare words go through the text index first, common ones walk the queue lanes: both
    // must answer alike, pages included.
    const db = world.context.database.handle.db;
    const beforeStatistics = await list('q=prova&limit=5');
    expect(await searchPlanFor(db, 'prova')).toBe('text_index_first');
    await sql`ANALYZE cases`.execute(db);
    // "prova" is in 22 of the 23 titles, "farmacia" in one, "zzz" in none.
    expect(await searchPlanFor(db, 'prova')).toBe('lanes');
    expect(await searchPlanFor(db, 'prova zzz')).toBe('text_index_first');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(`q=prova&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.slice(0, 5)).toEqual(beforeStatistics.items.map((item) => item.id));
    const queueOrder = (await list('limit=100')).items.map((item) => item.id);
    expect(seen).toEqual(queueOrder.filter((id) => id !== ids[7]));
    expect((await list('q=farmacia prova')).items).toHaveLength(0);
  });

  it('flags and filters overdue cases by their response-time targets', async () => {
    // Received on 2 November 2026: acknowledge by 4 November, take in charge by 9 November.
    const overdue = await list('overdue=true&limit=200');
    expect(overdue.items).toHaveLength(23);
    expect(overdue.items[0]!.overdue).toEqual({ acknowledge: true, takeInCharge: true });
    const fresh = await publicCase(world);
    const notOverdue = await list('overdue=false&limit=200');
    expect(notOverdue.items.map((item) => item.id)).toEqual([fresh.id]);
    expect(notOverdue.items[0]!.overdue).toEqual({ acknowledge: false, takeInCharge: false });
  });

  it('narrows to my cases, a desk, an assignee', async () => {
    const target = ids[3]!;
    const detail = await world.operator.client.get(`/api/cases/${target}`);
    const assigned = await world.operator.client.request({
      method: 'PATCH',
      url: `/api/cases/${target}`,
      body: {
        assigneeUserId: world.operator.user.id,
        rowVersion: detail.json<CaseDetailBody>().rowVersion,
      },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const mine = await list('scope=mine');
    expect(mine.items.map((item) => item.id)).toEqual([target]);
    expect(mine.items[0]!.assignee?.id).toBe(world.operator.user.id);
    const byAssignee = await list(`assigneeId=${world.operator.user.id}`);
    expect(byAssignee.items.map((item) => item.id)).toEqual([target]);
    const desk = await list(`scope=desk&helpDeskId=${world.pisaDesk}&limit=200`);
    expect(desk.items.length).toBeGreaterThanOrEqual(23);
    expect((await list(`helpDeskId=${world.firenzeDesk}`)).items).toHaveLength(0);
  });
});
