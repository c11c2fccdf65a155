import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../../src/core/policy.ts';
import { referenceDataDir } from '../../../src/modules/reference/paths.ts';
import { demoOrganisations } from '../../../src/seed/demo-network.ts';
import { seedDemoData, type DemoCredential } from '../../../src/seed/demo.ts';
import { createTestApp, TestClient, type TestContext } from '../../helpers/test-app.ts';

describe('demo data', () => {
  let context: TestContext;
  let demo: DemoCredential[];
  const db = () => context.database.handle.db;

  beforeAll(async () => {
    context = await createTestApp();
    demo = await seedDemoData(db());
  });
  afterAll(() => context.close());

  it('uses only ISTAT codes that exist in comuni.csv', () => {
    const csv = readFileSync(join(referenceDataDir, 'comuni.csv'), 'utf8');
    const codes = new Set(csv.split('\n').map((line) => line.split(',')[0]));
    for (const organisation of demoOrganisations) {
      expect(codes.has(organisation.municipalityCode), organisation.name).toBe(true);
    }
  });

  it('creates the #ionondiscrimino network led by Anci Toscana', async () => {
    const organisations = await db()
      .selectFrom('organisations')
      .innerJoin('municipalities', 'municipalities.istat_code', 'organisations.municipality_code')
      .select(['organisations.name', 'kind', 'network_role', 'municipalities.name as municipality'])
      .execute();
    expect(organisations).toHaveLength(demoOrganisations.length);
    expect(organisations.filter((o) => o.network_role === 'lead_partner')).toEqual([
      {
        name: 'Anci Toscana',
        kind: 'other_public_body',
        network_role: 'lead_partner',
        municipality: 'Firenze',
      },
    ]);
    expect(organisations).toContainEqual({
      name: 'Unione dei Comuni della Valdera',
      kind: 'union_of_municipalities',
      network_role: 'partner',
      municipality: 'Pontedera',
    });
    expect(organisations).toContainEqual({
      name: 'UNAR — Ufficio Nazionale Antidiscriminazioni Razziali',
      kind: 'equality_body',
      network_role: 'associate',
      municipality: 'Roma',
    });
    const helpDesks = organisations.filter((o) => o.kind === 'help_desk');
    expect(helpDesks.map((o) => o.municipality).sort()).toEqual([
      'Grosseto',
      'Livorno',
      'Pisa',
      'Pontedera',
      'Prato',
    ]);
  });

  it('gives every role a demo account, marked as demo, with a long password', async () => {
    // One account per role, and a second desk's operator to move cases between desks.
    expect([...new Set(demo.map((credential) => credential.role))].sort()).toEqual(
      [...roles].sort(),
    );
    for (const credential of demo) {
      expect(credential.email).toMatch(/@demo\.osservatorio\.test$/);
      expect(credential.password.length).toBeGreaterThanOrEqual(12);
    }
    const users = await db()
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
      .select([
        'users.email',
        'is_demo',
        'role',
        'organisations.name as organisation',
        'password_hash',
      ])
      .execute();
    expect(users).toHaveLength(demo.length);
    for (const user of users) {
      expect(user.is_demo).toBe(true);
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      const credential = demo.find((c) => c.email === user.email);
      expect(credential).toMatchObject({ role: user.role, organisation: user.organisation });
    }
    expect(users.find((u) => u.role === 'operator')?.organisation).toBe(
      'Sportello antidiscriminazioni di Pisa',
    );
  });

  it('is idempotent: a second run writes nothing and returns the same credentials', async () => {
    const count = async (table: 'organisations' | 'users' | 'memberships') =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('count'))
            .executeTakeFirstOrThrow()
        ).count,
      );
    const before = [await count('organisations'), await count('users'), await count('memberships')];
    expect(await seedDemoData(db())).toEqual(demo);
    expect([
      await count('organisations'),
      await count('users'),
      await count('memberships'),
    ]).toEqual(before);
  });

  it('lets every demo user sign in through the API', async () => {
    for (const credential of demo) {
      const client = new TestClient(context.app);
      const response = await client.signIn(credential);
      expect(response.statusCode, credential.email).toBe(200);
      expect(response.json()).toMatchObject({
        status: 'signed_in',
        user: { email: credential.email },
      });
    }
  });
});
