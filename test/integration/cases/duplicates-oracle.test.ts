import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRESH_CONTACT_HOURS } from '../../../src/modules/cases/possible-duplicates.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import {
  FIRENZE,
  intakeBody,
  PISA,
  publicCase,
  setUpCaseWorld,
  type CaseWorld,
} from './case-fixtures.ts';
import { auditRows } from './timeline-fixtures.ts';

/**
 * An operator must not learn whether a person reported at another desk by typing their e-mail
 * into a case of their own and reading the possible duplicates.
 */
describe(`possible duplicates are no oracle for other desks' reports on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  beforeAll(async () => {
    world = await setUpCaseWorld();
  }, 240_000);
  afterAll(() => world.context.close());

  it('withholds hidden contact matches on a fresh case of the reader, and never names desk or month', async () => {
    // The victim reported in Florence, with their e-mail.
    await publicCase(world, {
      municipalityCode: FIRENZE,
      contact: { name: 'Vittima', email: 'vittima@example.org', phone: null, preference: null },
    });
    // In Pisa, an operator types only that e-mail into a new case.
    const probe = await world.operator.client.post(
      '/api/cases',
      intakeBody(world, {
        narrative: 'Prova',
        contact: { name: 'X', email: 'vittima@example.org' },
      }),
    );
    expect(probe.statusCode, probe.body).toBe(201);
    const probeId = probe.json<{ id: string }>().id;
    const read = async () => {
      const response = await world.operator.client.get(`/api/cases/${probeId}/possible-duplicates`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<Record<string, unknown>[]>();
    };
    expect(await read()).toEqual([]);

    // A day later the match shows, but only as "another desk has a possible match".
    const dayAgo = new Date(Date.now() - (FRESH_CONTACT_HOURS + 1) * 3_600_000);
    // received_at is never updated by the application: only a test moves it back in time.
    await sql`UPDATE cases SET received_at = ${dayAgo} WHERE id = ${probeId}`.execute(world.db);
    const later = await read();
    expect(later).toEqual([{ visible: false, matches: ['email'] }]);
    expect(JSON.stringify(later)).not.toMatch(/Firenze|\d{4}-\d{2}/);
    const audit = await auditRows(world.db, probeId, 'cases.duplicates_read');
    expect(audit).toHaveLength(2);
    expect(audit.map((row) => row.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ count: 0, hidden: 0 }),
        expect.objectContaining({ count: 1, hidden: 1 }),
      ]),
    );
  });

  it('withholds them on any fresh case: a colleague reading it, or one sent through the public form', async () => {
    await publicCase(world, {
      municipalityCode: FIRENZE,
      contact: { name: 'Altra', email: 'altra@example.org', phone: null, preference: null },
    });
    const entered = await world.operator.client.post(
      '/api/cases',
      intakeBody(world, { contact: { name: 'Altra', email: 'altra@example.org' } }),
    );
    const id = entered.json<{ id: string }>().id;
    const byColleague = await world.coordinator.client.get(`/api/cases/${id}/possible-duplicates`);
    expect(byColleague.json()).toEqual([]);
    // The same probe sent as a public report routed to the prober's own desk.
    const viaForm = await publicCase(world, {
      municipalityCode: PISA,
      contact: { name: 'Y', email: 'altra@example.org', phone: null, preference: null },
    });
    const response = await world.operator.client.get(
      `/api/cases/${viaForm.id}/possible-duplicates`,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ visible: boolean }[]>().filter((entry) => !entry.visible)).toEqual([]);
  });
});
