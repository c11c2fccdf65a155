import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import {
  intakeBody,
  setUpCaseWorld,
  type CaseDetailBody,
  type CaseWorld,
  type ErrorBody,
  type SignedIn,
} from './case-fixtures.ts';
import { auditRows, expectNoPlaintext, multipart } from './timeline-fixtures.ts';

const NOTE_MARKER = 'MARCATORE-INVIO-Ildebranda';
const REASON_MARKER = 'MARCATORE-RIFIUTO-Tarcisio';

interface Incoming {
  id: string;
  caseId: string;
  status: string;
  note: string | null;
}

describe(`case referrals on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  let caseId: string;
  let documentId: string;
  beforeAll(async () => {
    world = await setUpCaseWorld();
    const created = await world.operator.client.post(
      '/api/cases',
      intakeBody(world, {
        consents: { handling: true, sharing: true, statistics: true, contact: true },
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    caseId = created.json<{ id: string }>().id;
    const upload = await world.operator.client.request({
      method: 'POST',
      url: `/api/cases/${caseId}/documents`,
      ...multipart('lettera.txt', 'Lettera al datore di lavoro\n', {}, 'text/plain'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    documentId = upload.json<{ id: string }>().id;
  });
  afterAll(() => world.context.close());

  const refer = (body: Record<string, unknown>, id = caseId, person = world.operator) =>
    person.client.post(`/api/cases/${id}/referrals`, body);
  const step = (person: SignedIn, referralId: string, name: string, body = {}) =>
    person.client.post(`/api/cases/${caseId}/referrals/${referralId}/${name}`, body);
  const inbox = async (person: SignedIn) => {
    const response = await person.client.get('/api/referrals/incoming');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Incoming[]>();
  };

  it('refuses a referral without the sharing consent in force, naming consent', async () => {
    const noConsent = await world.operator.client.post('/api/cases', intakeBody(world));
    const id = noConsent.json<{ id: string }>().id;
    const refused = await refer({ toOrganisationId: world.otherNode.id, shares: ['notes'] }, id);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorBody>().error.fields?.[0]?.field).toBe('consent');

    const withdrawn = await world.operator.client.post(
      '/api/cases',
      intakeBody(world, {
        consents: { handling: true, sharing: true, statistics: false, contact: false },
      }),
    );
    const withdrawnId = withdrawn.json<{ id: string }>().id;
    await world.db
      .updateTable('cases')
      .set({ consent_sharing_withdrawn_at: new Date() })
      .where('id', '=', withdrawnId)
      .execute();
    const late = await refer(
      { toOrganisationId: world.otherNode.id, shares: ['notes'] },
      withdrawnId,
    );
    expect(late.statusCode).toBe(400);
    expect(late.json<ErrorBody>().error.fields?.[0]?.field).toBe('consent');
  });

  it('names invalid receivers and shares', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ shares: ['notes'] }, 'toOrganisationId'],
      [
        {
          toOrganisationId: world.otherNode.id,
          toUserId: world.legalExpert.user.id,
          shares: ['notes'],
        },
        'toOrganisationId',
      ],
      [{ toOrganisationId: world.node.id, shares: ['notes'] }, 'toOrganisationId'],
      [
        { toOrganisationId: '00000000-0000-4000-8000-000000000000', shares: ['notes'] },
        'toOrganisationId',
      ],
      [{ toUserId: world.otherOperator.user.id, shares: ['notes'] }, 'toUserId'],
      [{ toUserId: 'x', shares: ['notes'] }, 'toUserId'],
      [{ toOrganisationId: world.otherNode.id, shares: [] }, 'shares'],
      [{ toOrganisationId: world.otherNode.id, shares: ['everything'] }, 'shares.0'],
    ];
    for (const [body, field] of cases) {
      const response = await refer(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json<ErrorBody>().error.fields?.[0]?.field, JSON.stringify(body)).toBe(field);
    }
    const foreign = await refer(
      { toOrganisationId: world.lead.id, shares: ['notes'] },
      caseId,
      world.otherOperator,
    );
    expect(foreign.statusCode).toBe(404);
  });

  it('lets a receiving organisation see only what is shared, until the sender revokes', async () => {
    const sent = await refer({
      toOrganisationId: world.otherNode.id,
      shares: ['classification'],
      note: `Serve un parere: ${NOTE_MARKER}`,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const referralId = sent.json<{ id: string }>().id;
    const again = await refer({ toOrganisationId: world.otherNode.id, shares: ['notes'] });
    expect(again.statusCode).toBe(409);

    const pending = await inbox(world.otherOperator);
    expect(pending.map((item) => [item.id, item.status])).toEqual([[referralId, 'pending']]);
    expect(pending[0]?.note).toContain(NOTE_MARKER);
    expect(await inbox(world.operator)).toEqual([]);

    const detail = await world.otherOperator.client.get(`/api/cases/${caseId}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json<CaseDetailBody>();
    expect(body.access).toBe('referral');
    expect(body.narrative).toBeNull();
    expect(body.reporter.contact).toBeNull();
    expect(body.classification?.grounds).toEqual(['nationality']);
    // Documents are not shared; the team's own routes stay closed.
    for (const url of [
      `/api/cases/${caseId}/documents`,
      `/api/cases/${caseId}/documents/${documentId}`,
      `/api/cases/${caseId}/timeline`,
      `/api/cases/${caseId}/messages`,
      `/api/cases/${caseId}/referrals`,
      `/api/cases/${caseId}/possible-duplicates`,
    ]) {
      expect((await world.otherOperator.client.get(url)).statusCode, url).toBe(404);
    }

    // Only the receiver answers; only the sending team revokes.
    expect((await step(world.operator, referralId, 'accept')).statusCode).toBe(404);
    expect((await step(world.leadCoordinator, referralId, 'accept')).statusCode).toBe(404);
    const accepted = await step(world.otherOperator, referralId, 'accept');
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    expect(
      (await step(world.otherCoordinator, referralId, 'decline', { reason: 'no' })).statusCode,
    ).toBe(409);
    expect((await step(world.otherOperator, referralId, 'revoke')).statusCode).toBe(404);

    const revoked = await step(world.operator, referralId, 'revoke', { reason: null });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await world.otherOperator.client.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect(await inbox(world.otherOperator)).toEqual([]);
    expect((await step(world.operator, referralId, 'revoke')).statusCode).toBe(409);

    const events = await world.db
      .selectFrom('case_events')
      .select(['kind', 'details'])
      .where('case_id', '=', caseId)
      .where('kind', 'like', 'referral_%')
      .orderBy('id')
      .execute();
    expect(events.map((event) => event.kind)).toEqual([
      'referral_sent',
      'referral_accepted',
      'referral_revoked',
    ]);
    const created = await auditRows(world.db, caseId, 'cases.referral_created');
    expect(created.filter((row) => row.outcome === 'success')).toHaveLength(1);
    expect(created.find((row) => row.outcome === 'success')?.details).toMatchObject({
      referralId,
      shares: ['classification'],
    });
    expect(JSON.stringify(created)).not.toContain('MARCATORE');
    const revokedAudit = await auditRows(world.db, caseId, 'cases.referral_revoked');
    expect(revokedAudit.find((row) => row.outcome === 'success')?.details).toMatchObject({
      referralId,
      status: 'revoked',
    });
  });

  it('lets a legal expert read shared narrative and documents, then decline with a reason', async () => {
    const sent = await refer({
      toUserId: world.legalExpert.user.id,
      shares: ['narrative', 'documents'],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const referralId = sent.json<{ id: string }>().id;
    const expert = world.legalExpert;
    expect((await inbox(expert)).map((item) => item.id)).toEqual([referralId]);

    const detail = (await expert.client.get(`/api/cases/${caseId}`)).json<CaseDetailBody>();
    expect(detail.narrative).toContain('non assumono stranieri');
    expect(detail.reporter.contact).toBeNull();
    expect(detail.classification).toBeNull();
    const listed = await expert.client.get(`/api/cases/${caseId}/documents`);
    expect(listed.statusCode).toBe(200);
    const download = await expert.client.get(`/api/cases/${caseId}/documents/${documentId}`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toContain('Lettera al datore di lavoro');
    const reads = await auditRows(world.db, caseId, 'cases.document_read');
    expect(reads.some((row) => row.actor_user_id === expert.user.id)).toBe(true);
    // A receiver still cannot change the case.
    const removal = await expert.client.request({
      method: 'DELETE',
      url: `/api/cases/${caseId}/documents/${documentId}`,
    });
    expect(removal.statusCode).toBe(404);

    const noReason = await step(expert, referralId, 'decline', { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ErrorBody>().error.fields?.[0]?.field).toBe('reason');
    const declined = await step(expert, referralId, 'decline', {
      reason: `Conflitto di interessi con ${REASON_MARKER}`,
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect((await expert.client.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect(
      (await expert.client.get(`/api/cases/${caseId}/documents/${documentId}`)).statusCode,
    ).toBe(404);

    const list = await world.operator.client.get(`/api/cases/${caseId}/referrals`);
    expect(list.statusCode).toBe(200);
    const declinedView = list
      .json<{ id: string; status: string; statusReason: string | null }[]>()
      .find((referral) => referral.id === referralId);
    expect(declinedView?.status).toBe('declined');
    expect(declinedView?.statusReason).toContain(REASON_MARKER);
  });

  it('refuses to accept a referral once the sharing consent is withdrawn, naming consent', async () => {
    const created = await world.operator.client.post(
      '/api/cases',
      intakeBody(world, {
        consents: { handling: true, sharing: true, statistics: false, contact: false },
      }),
    );
    const otherCaseId = created.json<{ id: string }>().id;
    const sent = await refer(
      { toOrganisationId: world.otherNode.id, shares: ['notes'] },
      otherCaseId,
    );
    expect(sent.statusCode, sent.body).toBe(201);
    const referralId = sent.json<{ id: string }>().id;
    // Withdrawn behind the referral's back (the receipt flow would also revoke it).
    await world.db
      .updateTable('cases')
      .set({ consent_sharing_withdrawn_at: new Date() })
      .where('id', '=', otherCaseId)
      .execute();
    const accept = await world.otherOperator.client.post(
      `/api/cases/${otherCaseId}/referrals/${referralId}/accept`,
      {},
    );
    expect(accept.statusCode).toBe(400);
    expect(accept.json<ErrorBody>().error.fields?.[0]?.field).toBe('consent');
    const stored = await world.db
      .selectFrom('case_referrals')
      .select('status')
      .where('id', '=', referralId)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('pending');
    const revoke = await world.operator.client.post(
      `/api/cases/${otherCaseId}/referrals/${referralId}/revoke`,
      {},
    );
    expect(revoke.statusCode, revoke.body).toBe(200);
  });

  it('keeps notes and reasons sealed', async () => {
    await expectNoPlaintext(world.db, NOTE_MARKER);
    await expectNoPlaintext(world.db, REASON_MARKER);
  });
});
