import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHelpDesk } from '../../../src/modules/help-desks/check-help-desk.ts';
import { createHelpDeskBody } from '../../../src/modules/help-desks/schemas.ts';
import { referenceDataDir } from '../../../src/modules/reference/paths.ts';
import { demoHelpDesks, demoHelpDeskState } from '../../../src/seed/demo-help-desks.ts';
import { demoOrganisations } from '../../../src/seed/demo-network.ts';
import { seedDemoData } from '../../../src/seed/demo.ts';
import { createTestApp, TestClient, type TestContext } from '../../helpers/test-app.ts';

describe('demo help desks', () => {
  let context: TestContext;
  const db = () => context.database.handle.db;

  beforeAll(async () => {
    context = await createTestApp();
    await seedDemoData(db());
  });
  afterAll(() => context.close());

  it('uses only ISTAT codes that exist in comuni.csv and organisations of the demo', () => {
    const csv = readFileSync(join(referenceDataDir, 'comuni.csv'), 'utf8');
    const codes = new Set(csv.split('\n').map((line) => line.split(',')[0]));
    const organisations = new Set(demoOrganisations.map((organisation) => organisation.name));
    for (const desk of demoHelpDesks) {
      expect(organisations.has(desk.organisation), desk.name).toBe(true);
      for (const code of [desk.municipalityCode, ...desk.competentMunicipalityCodes]) {
        expect(codes.has(code), `${desk.name}: ${code}`).toBe(true);
      }
    }
  });

  it('gives every help-desk organisation of the demo a desk', () => {
    const withDesk = new Set(demoHelpDesks.map((desk) => desk.organisation));
    for (const organisation of demoOrganisations.filter((o) => o.kind === 'help_desk')) {
      expect(withDesk.has(organisation.name), organisation.name).toBe(true);
    }
  });

  it('passes the API schema and every rule of the help-desks module', async () => {
    for (const desk of demoHelpDesks) {
      const { organisation, ...body } = desk;
      const row = await db()
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', organisation)
        .executeTakeFirstOrThrow();
      const parsed = createHelpDeskBody.safeParse({ ...body, organisationId: row.id });
      expect(parsed.error, desk.name).toBeUndefined();
      await expect(
        checkHelpDesk(db(), demoHelpDeskState(desk, row.id), 'it'),
        desk.name,
      ).resolves.toBeUndefined();
    }
  });

  it('seeds the desks once, with their history, readable through the API', async () => {
    const count = async () =>
      Number(
        (
          await db()
            .selectFrom('help_desks')
            .select((eb) => eb.fn.countAll<number>().as('count'))
            .executeTakeFirstOrThrow()
        ).count,
      );
    expect(await count()).toBe(demoHelpDesks.length);
    await seedDemoData(db());
    expect(await count()).toBe(demoHelpDesks.length);
    const history = await db()
      .selectFrom('network_history')
      .select('change_kind')
      .where('entity_type', '=', 'help_desk')
      .execute();
    expect(history).toHaveLength(demoHelpDesks.length);

    const operator = (await seedDemoData(db())).find((c) => c.role === 'operator')!;
    const client = new TestClient(context.app);
    expect((await client.signIn(operator)).statusCode).toBe(200);
    const page = await client.get('/api/help-desks?municipality=050016');
    expect(page.statusCode).toBe(200);
    expect(page.json<{ items: { name: string }[] }>().items.map((item) => item.name)).toEqual([
      'Sportello antidiscriminazioni della Valdera',
    ]);
  });
});
