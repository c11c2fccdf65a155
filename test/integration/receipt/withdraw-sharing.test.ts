import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withdrawConsent } from '../../../src/modules/receipt/withdraw-consent.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { intakeBody, setUpCaseWorld, type CaseWorld } from '../cases/case-fixtures.ts';

describe(`withdrawing the sharing consent on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  beforeAll(async () => {
    world = await setUpCaseWorld();
  });
  afterAll(() => world.context.close());

  it('revokes the pending and accepted referrals of the case, with a timeline event each', async () => {
    const created = await world.operator.client.post(
      '/api/cases',
      intakeBody(world, {
        consents: { handling: true, sharing: true, statistics: true, contact: false },
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json<{ id: string }>().id;
    const refer = async (body: Record<string, unknown>) => {
      const sent = await world.operator.client.post(`/api/cases/${caseId}/referrals`, body);
      expect(sent.statusCode, sent.body).toBe(201);
      return sent.json<{ id: string }>().id;
    };
    const accepted = await refer({ toOrganisationId: world.otherNode.id, shares: ['notes'] });
    const pending = await refer({ toUserId: world.legalExpert.user.id, shares: ['notes'] });
    const accept = await world.otherOperator.client.post(
      `/api/cases/${caseId}/referrals/${accepted}/accept`,
      {},
    );
    expect(accept.statusCode, accept.body).toBe(200);

    expect(await withdrawConsent(world.db, caseId, 'sharing')).toBe('withdrawn');

    const referrals = await world.db
      .selectFrom('case_referrals')
      .select(['id', 'status'])
      .where('case_id', '=', caseId)
      .execute();
    expect(referrals.map((row) => row.status)).toEqual(['revoked', 'revoked']);
    const events = await world.db
      .selectFrom('case_events')
      .select(['details', 'by_reporter'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'referral_revoked')
      .execute();
    const byReferral = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      String(a.referralId).localeCompare(String(b.referralId));
    expect(events.map((event) => event.details).sort(byReferral)).toEqual(
      [accepted, pending].sort().map((referralId) => ({ referralId, byConsentWithdrawal: true })),
    );
    expect(events.every((event) => event.by_reporter)).toBe(true);

    // The receiver lost access with the consent.
    expect((await world.otherOperator.client.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
  });
});
