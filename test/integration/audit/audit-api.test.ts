import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../src/modules/audit/append-audit.ts';
import { verifyAuditChain } from '../../../src/modules/audit/verify-chain.ts';
import { tamperWithAuditLog } from '../../helpers/audit-tamper.ts';
import {
  createTestApp,
  createUser,
  TestClient,
  type TestContext,
  type TestUser,
} from '../../helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.ts';

// Asymmetric matchers are typed `any`; held as `unknown` they can sit in typed literals.
const anyNumber: unknown = expect.any(Number);
const isoMilliseconds: unknown = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

interface Entry {
  id: number;
  occurredAt: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

describe('GET /api/audit', () => {
  let context: TestContext;
  let auditor: TestUser;
  let client: TestClient;

  beforeAll(async () => {
    context = await createTestApp();
    auditor = await createUser(context, { roles: ['auditor'] });
    client = new TestClient(context.app);
    await client.signIn(auditor);
    const { db } = context.database.handle;
    for (let index = 0; index < 7; index += 1) {
      await appendAudit(db, {
        actorUserId: null,
        actorLabel: 'system',
        action: index % 2 === 0 ? 'test.even' : 'test.odd',
        outcome: index === 3 ? 'failure' : 'success',
        targetType: 'case',
        targetId: `case-${index}`,
        details: { index },
      });
    }
  });
  afterAll(() => context.close());

  async function page(query: string) {
    const response = await client.get(`/api/audit?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: Entry[]; nextCursor: string | null }>();
  }

  it('lists the trail newest first in keyset pages', async () => {
    const all = await page('limit=200');
    const ids = all.items.map((item) => item.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const collected: number[] = [];
    let cursor: string | null = null;
    do {
      const next: { items: Entry[]; nextCursor: string | null } = await page(
        `limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      collected.push(...next.items.map((item) => item.id));
      cursor = next.nextCursor;
    } while (cursor);
    // Each page read appends an audit.read row, newer than the first page: none may appear.
    expect(collected.filter((id) => ids.includes(id))).toEqual(ids);
    const event = all.items.find((item) => item.targetId === 'case-3')!;
    expect(event).toEqual({
      id: anyNumber,
      occurredAt: isoMilliseconds,
      actorUserId: null,
      actorLabel: 'system',
      action: 'test.odd',
      outcome: 'failure',
      targetType: 'case',
      targetId: 'case-3',
      details: { index: 3 },
    });
  });

  it('filters by action, outcome, target, actor and time', async () => {
    expect((await page('action=test.even')).items.map((item) => item.targetId)).toEqual([
      'case-6',
      'case-4',
      'case-2',
      'case-0',
    ]);
    expect((await page('outcome=failure&targetType=case')).items).toHaveLength(1);
    expect((await page('targetType=case&targetId=case-5')).items.map((i) => i.action)).toEqual([
      'test.odd',
    ]);
    const mine = await page(`actorUserId=${auditor.id}&action=audit.read`);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((item) => item.actorUserId === auditor.id)).toBe(true);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await page(`from=${encodeURIComponent(future)}`)).items).toEqual([]);
    expect((await page(`to=2000-01-01T00:00:00Z`)).items).toEqual([]);
    expect((await page(`from=2000-01-01T00:00:00%2B01:00&action=test.odd`)).items).toHaveLength(3);
  });

  it('records each read of the trail with the filters used', async () => {
    await page('action=test.odd&outcome=success');
    // A read's own row is written after its answer: the newest row listed is the read before.
    const last = (await page('action=audit.read&limit=1')).items[0]!;
    expect(last).toMatchObject({
      actorUserId: auditor.id,
      actorLabel: auditor.email,
      targetType: 'audit_log',
      details: { count: 2, filters: { action: 'test.odd', outcome: 'success' } },
    });
  });

  it('refuses malformed filters with validation errors', async () => {
    for (const query of ['actorUserId=abc', 'from=yesterday', 'outcome=maybe', 'cursor=abc']) {
      const response = await client.get(`/api/audit?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json(), query).toMatchObject({ error: { code: 'validation_failed' } });
    }
  });

  it('is refused to a network admin (who has no audit.read)', async () => {
    const admin = await createUser(context, { roles: ['network_admin'] });
    const adminClient = new TestClient(context.app);
    await adminClient.signIn(admin);
    expect((await adminClient.get('/api/audit')).statusCode).toBe(404);
    expect((await adminClient.get('/api/audit/verify')).statusCode).toBe(404);
  });

  it('verifies the chain and records the verification', async () => {
    const response = await client.get('/api/audit/verify');
    expect(response.statusCode).toBe(200);
    const body = response.json<{ ok: boolean; checked: number }>();
    expect(body).toEqual({ ok: true, checked: anyNumber });
    expect(body.checked).toBeGreaterThan(7);
    const recorded = (await page('action=audit.verified')).items[0]!;
    expect(recorded.details).toMatchObject({ ok: true, checked: body.checked });
  });
});

describe('verifyAuditChain', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    for (let index = 0; index < 12; index += 1) {
      await appendAudit(database.handle.db, {
        actorUserId: null,
        actorLabel: 'system',
        action: 'test.event',
        details: { index, note: 'ünïcødé', list: [1, 2.5, { z: null, a: true }] },
      });
    }
  });
  afterAll(() => database.drop());

  const ids = async () =>
    (await database.handle.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map(
      (row) => row.id,
    );

  it('accepts an intact chain, in batches of any size', async () => {
    for (const batch of [1, 5, 12, 5000]) {
      expect(await verifyAuditChain(database.handle.db, batch)).toEqual({ ok: true, checked: 12 });
    }
  });

  it('never forks when many requests append at once', async () => {
    // On PostgreSQL these run on separate connections and race for the chain's head.
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        appendAudit(database.handle.db, {
          actorUserId: null,
          actorLabel: 'system',
          action: 'test.concurrent',
          details: { index },
        }),
      ),
    );
    expect(await verifyAuditChain(database.handle.db)).toEqual({ ok: true, checked: 52 });
  });

  it('reports exactly the altered row, then a deleted row as a broken link at the next id', async () => {
    const [, , third, fourth, , sixth, seventh] = await ids();
    await tamperWithAuditLog(database.handle.db, { kind: 'alter', id: fourth! });
    for (const batch of [2, 5000]) {
      expect(await verifyAuditChain(database.handle.db, batch)).toEqual({
        ok: false,
        checked: 3,
        brokenAt: fourth,
        reason: 'content_altered',
      });
    }
    expect(third).toBeLessThan(fourth!);

    const fresh = await createTestDatabase();
    try {
      for (let index = 0; index < 8; index += 1) {
        await appendAudit(fresh.handle.db, {
          actorUserId: null,
          actorLabel: 'system',
          action: 'x',
        });
      }
      const freshIds = (
        await fresh.handle.db.selectFrom('audit_log').select('id').orderBy('id').execute()
      ).map((row) => row.id);
      await tamperWithAuditLog(fresh.handle.db, { kind: 'delete', id: freshIds[5]! });
      expect(await verifyAuditChain(fresh.handle.db, 3)).toEqual({
        ok: false,
        checked: 5,
        brokenAt: freshIds[6],
        reason: 'link_broken',
      });
    } finally {
      await fresh.drop();
    }
    expect(sixth).toBeLessThan(seventh!);
  });

  it('keeps the trail append-only for the application', async () => {
    await expect(
      database.handle.db
        .deleteFrom('audit_log')
        .where('id', '=', (await ids())[0]!)
        .execute(),
    ).rejects.toThrow(/append-only/);
  });
});
