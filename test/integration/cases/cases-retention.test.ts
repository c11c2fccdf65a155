import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../../../src/jobs/registry.ts';
import {
  eraseExpiredCases,
  eraseExpiredCasesJob,
} from '../../../src/modules/cases/erase-expired-cases.ts';
import { receiptHash } from '../../../src/modules/cases/create-case.ts';
import { seal } from '../../../src/modules/cases/sealed-fields.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { publicCase, setUpCaseWorld, type CaseWorld } from './case-fixtures.ts';

describe(`retention: erasing personal data when the clock passes on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  beforeAll(async () => {
    world = await setUpCaseWorld();
  });
  afterAll(() => world.context.close());

  it('is registered as a scheduled job', () => {
    expect(jobDefinitions).toContain(eraseExpiredCasesJob);
    expect(eraseExpiredCasesJob.schedule?.cron).toBeDefined();
  });

  it('erases personal fields, files and the receipt, and keeps the classified record', async () => {
    const { db, context } = world;
    const keys = context.config.masterKeys;
    const created = await publicCase(world, {
      narrative: 'MARCATORE-RETENTION racconto',
      title: 'Titolo da cancellare',
      contact: { name: 'Persona', email: 'p@example.org', phone: null, preference: null },
      grounds: ['anti_black', 'sex'],
    });
    const kept = await publicCase(world, { narrative: 'ancora in lavorazione' });
    const id = created.id;
    expect(created.receiptCode).not.toBeNull();
    expect(
      (
        await db
          .selectFrom('cases')
          .select('receipt_hash')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).receipt_hash,
    ).toBe(receiptHash(context.config, created.receiptCode!));

    // Withdrawn through the API: retention starts counting.
    const rowVersion = (await world.operator.client.get(`/api/cases/${id}`)).json<{
      rowVersion: number;
    }>().rowVersion;
    const withdrawn = await world.operator.client.post(`/api/cases/${id}/transitions`, {
      to: 'withdrawn',
      reason: 'MARCATORE-RETENTION motivo',
      rowVersion,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const retentionUntil = withdrawn.json<{ retentionUntil: string }>().retentionUntil;

    // What other helpers' features leave on a case: a message, a deadline, an action, a
    // document with its file, a referral, a reporter session.
    const fileId = randomUUID();
    await db
      .insertInto('stored_files')
      .values({
        id: fileId,
        purpose: 'case_document',
        media_type: 'application/pdf',
        size_bytes: 3,
        file_name_encrypted: seal(keys, 'stored_files', 'file_name_encrypted', fileId, 'a.pdf'),
        content: new Uint8Array([1, 2, 3]),
        created_by: null,
      })
      .execute();
    const messageId = randomUUID();
    await db
      .insertInto('case_messages')
      .values({
        id: messageId,
        case_id: id,
        direction: 'to_reporter',
        body_enc: seal(keys, 'case_messages', 'body_enc', messageId, 'domanda'),
      })
      .execute();
    const deadlineId = randomUUID();
    await db
      .insertInto('case_deadlines')
      .values({
        id: deadlineId,
        case_id: id,
        title_enc: seal(keys, 'case_deadlines', 'title_enc', deadlineId, 'ricorso'),
        due_on: '2027-01-10',
        remind_on: '2027-01-03',
      })
      .execute();
    await db
      .insertInto('case_actions')
      .values({ case_id: id, kind: 'listening', done_on: '2026-11-20', outcome_enc: 'x' })
      .execute();
    await db
      .insertInto('case_documents')
      .values({ case_id: id, file_id: fileId, source: 'operator', description_enc: 'x' })
      .execute();
    await db
      .insertInto('case_referrals')
      .values({
        case_id: id,
        to_organisation_id: world.otherNode.id,
        shares: ['narrative'],
        note_enc: 'x',
        status_reason_enc: null,
      })
      .execute();
    await db
      .insertInto('reporter_sessions')
      .values({
        id_hash: 'h',
        case_id: id,
        csrf_hash: 'c',
        expires_at: new Date(Date.now() + 60_000),
      })
      .execute();

    // The last day of retention still keeps everything.
    const lastDay = new Date(`${retentionUntil}T12:00:00Z`);
    expect(await eraseExpiredCases(db, context.config, lastDay)).toBe(0);
    const nextDay = new Date(lastDay.getTime() + 24 * 3600_000);
    expect(await eraseExpiredCases(db, context.config, nextDay)).toBe(1);
    expect(await eraseExpiredCases(db, context.config, nextDay)).toBe(0);

    const row = await db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.erased_at).not.toBeNull();
    for (const column of [
      'narrative_enc',
      'place_detail_enc',
      'online_link_enc',
      'perpetrator_detail_enc',
      'reporter_contact_enc',
      'receipt_hash',
      'title',
    ] as const) {
      expect(row[column], column).toBeNull();
    }
    expect(row.status).toBe('withdrawn');
    expect(row.ground_codes).toEqual(['anti_black', 'sex']);
    expect(row.intersectional).toBe(true);
    expect(row.outcome_code).toBe('withdrawn');
    expect(row.municipality_code).not.toBeNull();

    const events = await db
      .selectFrom('case_events')
      .select('body_enc')
      .where('case_id', '=', id)
      .execute();
    expect(events.every((event) => event.body_enc === null)).toBe(true);
    const leftovers = await Promise.all([
      db.selectFrom('case_messages').select('body_enc').where('case_id', '=', id).execute(),
      db.selectFrom('case_deadlines').select('title_enc').where('case_id', '=', id).execute(),
      db.selectFrom('case_actions').select('outcome_enc').where('case_id', '=', id).execute(),
      db.selectFrom('case_documents').select('description_enc').where('case_id', '=', id).execute(),
      db
        .selectFrom('case_referrals')
        .select(['note_enc', 'status_reason_enc'])
        .where('case_id', '=', id)
        .execute(),
    ]);
    for (const rows of leftovers) {
      expect(rows.length).toBeGreaterThan(0);
      for (const entry of rows) expect(Object.values(entry).every((v) => v === null)).toBe(true);
    }
    const file = await db
      .selectFrom('stored_files')
      .select(['content', 'erased_at'])
      .where('id', '=', fileId)
      .executeTakeFirstOrThrow();
    expect(file.content).toBeNull();
    expect(file.erased_at).not.toBeNull();
    expect(
      await db
        .selectFrom('cases')
        .select(['email_fingerprint', 'phone_fingerprint', 'narrative_fingerprint'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ email_fingerprint: null, phone_fingerprint: null, narrative_fingerprint: null });
    expect(
      await db
        .selectFrom('reporter_sessions')
        .select('id_hash')
        .where('case_id', '=', id)
        .execute(),
    ).toEqual([]);
    // The receipt no longer finds the case.
    expect(
      await db
        .selectFrom('cases')
        .select('id')
        .where('receipt_hash', '=', receiptHash(context.config, created.receiptCode!))
        .execute(),
    ).toEqual([]);

    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_label', 'actor_user_id', 'details'])
      .where('action', '=', 'cases.erased')
      .where('target_id', '=', id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_label: 'system', actor_user_id: null });
    expect(JSON.stringify(audit)).not.toContain('MARCATORE');

    // The case still shows its classified record to the team, and no longer changes.
    const view = await world.operator.client.get(`/api/cases/${id}`);
    expect(view.statusCode).toBe(200);
    expect(view.json<{ narrative: string | null; allowedTransitions: string[] }>()).toMatchObject({
      narrative: null,
      allowedTransitions: [],
    });
    const reopen = await world.operator.client.post(`/api/cases/${id}/transitions`, {
      to: 'in_triage',
      reason: 'riapro',
      rowVersion: row.row_version,
    });
    expect(reopen.statusCode).toBe(409);

    const other = await db
      .selectFrom('cases')
      .select(['narrative_enc', 'erased_at'])
      .where('id', '=', kept.id)
      .executeTakeFirstOrThrow();
    expect(other.narrative_enc).not.toBeNull();
    expect(other.erased_at).toBeNull();
  });
  it('keeps the victim profile after erasure only where the statistics consent allows it', async () => {
    const { db, context } = world;
    const profile = {
      ageBand: '25_34',
      gender: 'woman',
      citizenshipGroup: 'non_eu',
      migrationBackground: 'first_generation',
      residenceStatus: 'permit_holder',
    } as const;
    const withConsent = await publicCase(world, { victimProfile: profile });
    const withoutConsent = await publicCase(world, {
      victimProfile: profile,
      consents: { handling: true, sharing: false, statistics: false, contact: false },
    });
    const ids = [withConsent.id, withoutConsent.id];
    await db
      .updateTable('cases')
      .set({ status: 'withdrawn', retention_until: '2000-01-01' })
      .where('id', 'in', ids)
      .execute();
    expect(await eraseExpiredCases(db, context.config, new Date())).toBeGreaterThanOrEqual(2);
    const rows = await db
      .selectFrom('cases')
      .select(['id', 'victim_age_band', 'victim_gender', 'victim_residence_status', 'erased_at'])
      .where('id', 'in', ids)
      .execute();
    const kept = rows.find((row) => row.id === withConsent.id)!;
    const dropped = rows.find((row) => row.id === withoutConsent.id)!;
    expect(kept).toMatchObject({ victim_age_band: '25_34', victim_gender: 'woman' });
    expect(dropped).toMatchObject({
      victim_age_band: null,
      victim_gender: null,
      victim_residence_status: null,
    });
    expect(dropped.erased_at).not.toBeNull();
  });
});
