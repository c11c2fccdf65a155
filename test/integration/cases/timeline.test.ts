import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import {
  intakeBody,
  publicCase,
  setUpCaseWorld,
  type CaseWorld,
  type ErrorBody,
} from './case-fixtures.ts';
import { auditRows, expectNoPlaintext, multipart } from './timeline-fixtures.ts';

const NOTE_MARKER = 'MARCATORE-NOTA-Quirino';
const OUTCOME_MARKER = 'MARCATORE-ESITO-Ermenegildo';
const DESCRIPTION_MARKER = 'MARCATORE-DESCRIZIONE-Filiberta';
const MESSAGE_MARKER = 'MARCATORE-MESSAGGIO-Gervasia';

interface Timeline {
  events: { kind: string; body: string | null; details: Record<string, unknown> }[];
  actions: { id: string; kind: string; doneOn: string; outcome: string | null }[];
  documents: { id: string; fileName: string | null; description: string | null; erased: boolean }[];
  deadlines: unknown[];
}

describe(`case timeline: notes, actions, documents, messages on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  let caseId: string;
  beforeAll(async () => {
    world = await setUpCaseWorld();
    const created = await world.operator.client.post('/api/cases', intakeBody(world));
    expect(created.statusCode, created.body).toBe(201);
    caseId = created.json<{ id: string }>().id;
  });
  afterAll(() => world.context.close());

  const timeline = async (client = world.operator.client) => {
    const response = await client.get(`/api/cases/${caseId}/timeline`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Timeline>();
  };

  it('adds a note to the timeline, sealed, with an audit row holding no text', async () => {
    const response = await world.operator.client.post(`/api/cases/${caseId}/notes`, {
      body: `Telefonata con la persona: ${NOTE_MARKER}`,
    });
    expect(response.statusCode, response.body).toBe(201);
    const events = (await timeline()).events;
    const note = events.find((event) => event.kind === 'note');
    expect(note?.body).toContain(NOTE_MARKER);
    const detail = await world.operator.client.get(`/api/cases/${caseId}`);
    expect(JSON.stringify(detail.json())).toContain(NOTE_MARKER);

    const blank = await world.operator.client.post(`/api/cases/${caseId}/notes`, { body: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json<ErrorBody>().error.fields?.[0]?.field).toBe('body');

    const rows = await auditRows(world.db, caseId, 'cases.note_added');
    expect(rows.filter((row) => row.outcome === 'success')).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('MARCATORE');
    expect(await auditRows(world.db, caseId, 'cases.timeline_read')).not.toHaveLength(0);
  });

  it('records actions with kind, day and a sealed outcome; names invalid fields', async () => {
    const done = await world.operator.client.post(`/api/cases/${caseId}/actions`, {
      kind: 'letter_to_other_party',
      doneOn: '2026-11-02',
      outcome: `Lettera inviata, risposta di ${OUTCOME_MARKER}`,
    });
    expect(done.statusCode, done.body).toBe(201);
    const { actions, events } = await timeline();
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ kind: 'letter_to_other_party', doneOn: '2026-11-02' });
    expect(actions[0]?.outcome).toContain(OUTCOME_MARKER);
    expect(events.find((event) => event.kind === 'action')?.details).toMatchObject({
      actionKind: 'letter_to_other_party',
    });

    const future = await world.operator.client.post(`/api/cases/${caseId}/actions`, {
      kind: 'listening',
      doneOn: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json<ErrorBody>().error.fields?.[0]?.field).toBe('doneOn');
    const invalid = await world.operator.client.post(`/api/cases/${caseId}/actions`, {
      kind: 'magic',
      doneOn: 'yesterday',
    });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json<ErrorBody>()
        .error.fields?.map((field) => field.field)
        .sort(),
    ).toEqual(['doneOn', 'kind']);
  });

  it('stores a document, serves it as an attachment, and erases it on removal', async () => {
    const upload = multipart(
      'verbale.txt',
      'Verbale della mediazione.\n',
      { description: `Verbale firmato da ${DESCRIPTION_MARKER}` },
      'text/plain',
    );
    const added = await world.operator.client.request({
      method: 'POST',
      url: `/api/cases/${caseId}/documents`,
      ...upload,
    });
    expect(added.statusCode, added.body).toBe(201);
    const documentId = added.json<{ id: string }>().id;

    const listed = (await timeline()).documents.find((document) => document.id === documentId);
    expect(listed).toMatchObject({ fileName: 'verbale.txt', erased: false });
    expect(listed?.description).toContain(DESCRIPTION_MARKER);

    const download = await world.operator.client.get(
      `/api/cases/${caseId}/documents/${documentId}`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['cache-control']).toBe('no-store');
    expect(download.body).toContain('Verbale della mediazione.');
    const reads = await auditRows(world.db, caseId, 'cases.document_read');
    expect(reads).toHaveLength(1);
    expect(reads[0]?.details).toMatchObject({ documentId });

    const html = multipart('foto.png', '<html><script>alert(1)</script></html>');
    const refused = await world.operator.client.request({
      method: 'POST',
      url: `/api/cases/${caseId}/documents`,
      ...html,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorBody>().error.fields?.[0]?.field).toBe('file');
    const empty = await world.operator.client.post(`/api/cases/${caseId}/documents`, {});
    expect(empty.statusCode).toBe(400);

    // Another desk's operator cannot read or remove it.
    expect(
      (await world.otherOperator.client.get(`/api/cases/${caseId}/documents/${documentId}`))
        .statusCode,
    ).toBe(404);

    const removed = await world.operator.client.request({
      method: 'DELETE',
      url: `/api/cases/${caseId}/documents/${documentId}`,
    });
    expect(removed.statusCode).toBe(204);
    const after = await timeline();
    expect(after.documents.find((document) => document.id === documentId)).toMatchObject({
      erased: true,
      fileName: null,
      description: null,
    });
    expect(after.events.map((event) => event.kind)).toContain('document_removed');
    const file = await world.db
      .selectFrom('case_documents')
      .innerJoin('stored_files', 'stored_files.id', 'case_documents.file_id')
      .select(['stored_files.content', 'stored_files.erased_at'])
      .where('case_documents.id', '=', documentId)
      .executeTakeFirstOrThrow();
    expect(file.content).toBeNull();
    expect(file.erased_at).not.toBeNull();
    expect(
      (await world.operator.client.get(`/api/cases/${caseId}/documents/${documentId}`)).statusCode,
    ).toBe(404);
    const again = await world.operator.client.request({
      method: 'DELETE',
      url: `/api/cases/${caseId}/documents/${documentId}`,
    });
    expect(again.statusCode).toBe(404);
  });

  it('writes to the reporter only through a receipt or with contact consent', async () => {
    // The operator's case was entered without a receipt but with contact consent.
    const sent = await world.operator.client.post(`/api/cases/${caseId}/messages`, {
      body: `Può richiamarci? ${MESSAGE_MARKER}`,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const read = await world.operator.client.get(`/api/cases/${caseId}/messages`);
    expect(read.statusCode).toBe(200);
    const conversation = read.json<{
      canSend: boolean;
      messages: { direction: string; body: string; author: { id: string } | null }[];
    }>();
    expect(conversation.canSend).toBe(true);
    expect(conversation.messages).toHaveLength(1);
    expect(conversation.messages[0]).toMatchObject({
      direction: 'to_reporter',
      author: { id: world.operator.user.id },
    });
    expect(conversation.messages[0]?.body).toContain(MESSAGE_MARKER);
    expect(await auditRows(world.db, caseId, 'cases.messages_read')).toHaveLength(1);

    const noChannel = await world.operator.client.post(
      '/api/cases',
      intakeBody(world, {
        issueReceipt: false,
        consents: { handling: true, sharing: false, statistics: false, contact: false },
      }),
    );
    const silentId = noChannel.json<{ id: string }>().id;
    const refused = await world.operator.client.post(`/api/cases/${silentId}/messages`, {
      body: 'Domanda',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error.fields?.[0]?.field).toBe('body');

    // A public report always has a receipt.
    const withReceipt = await publicCase(world);
    const ok = await world.operator.client.post(`/api/cases/${withReceipt.id}/messages`, {
      body: 'Ci può dire quando è successo?',
    });
    expect(ok.statusCode).toBe(201);
  });

  it('answers 404 to another desk, an expert without referral, an analyst or a stray id', async () => {
    const routes = [
      { method: 'GET', url: `/api/cases/${caseId}/timeline` },
      { method: 'POST', url: `/api/cases/${caseId}/notes`, body: { body: 'x' } },
      {
        method: 'POST',
        url: `/api/cases/${caseId}/actions`,
        body: { kind: 'listening', doneOn: '2026-11-01' },
      },
      { method: 'GET', url: `/api/cases/${caseId}/messages` },
      { method: 'POST', url: `/api/cases/${caseId}/messages`, body: { body: 'x' } },
      { method: 'GET', url: `/api/cases/${caseId}/documents` },
    ] as const;
    for (const person of [
      world.otherOperator,
      world.otherCoordinator,
      world.legalExpert,
      world.analyst,
      world.auditor,
      world.admin,
    ]) {
      for (const route of routes) {
        const response = await person.client.request({
          method: route.method,
          url: route.url,
          ...('body' in route ? { body: route.body } : {}),
        });
        expect(response.statusCode, `${person.user.email} ${route.method} ${route.url}`).toBe(404);
      }
    }
    const denied = await world.db
      .selectFrom('audit_log')
      .select('outcome')
      .where('target_id', '=', caseId)
      .where('actor_user_id', '=', world.otherOperator.user.id)
      .execute();
    expect(denied.length).toBeGreaterThan(0);
    for (const row of denied) expect(row.outcome).toBe('denied');
    expect((await world.operator.client.get('/api/cases/not-a-uuid/timeline')).statusCode).toBe(
      404,
    );
    expect(
      (await world.operator.client.get(`/api/cases/${caseId}/documents/not-a-uuid`)).statusCode,
    ).toBe(404);
  });

  it('answers malformed requests with 4xx, never a server error', async () => {
    const weird = [
      null,
      [],
      'text',
      42,
      {},
      { body: 7 },
      { body: 'a'.repeat(20_000) },
      { body: 'ok\u0000' },
      { kind: 'listening', doneOn: '0000-01-01' },
      { kind: 'listening', doneOn: '2026-02-30' },
      { title: 'x', dueOn: '2099-01-01', remindOn: '0000-01-01', assigneeUserId: 'x' },
      { title: 'x', dueOn: '2099-01-01', assigneeUserId: '00000000-0000-4000-8000-000000000000' },
      { toOrganisationId: 'x', shares: ['notes'] },
      { toUserId: '00000000-0000-4000-8000-000000000000', shares: ['notes', 'notes'] },
      { linkedCaseId: 'x', kind: 'duplicate' },
      { done: 'yes' },
      { reason: ['x'] },
    ];
    const urls = [
      `/api/cases/${caseId}/notes`,
      `/api/cases/${caseId}/actions`,
      `/api/cases/${caseId}/deadlines`,
      `/api/cases/${caseId}/messages`,
      `/api/cases/${caseId}/documents`,
      `/api/cases/${caseId}/referrals`,
      `/api/cases/${caseId}/links`,
      `/api/cases/${caseId}/referrals/x/accept`,
      `/api/cases/${caseId}/referrals/00000000-0000-4000-8000-000000000000/decline`,
      `/api/cases/${caseId}/referrals/00000000-0000-4000-8000-000000000000/revoke`,
    ];
    for (const url of urls) {
      for (const body of weird) {
        const response = await world.operator.client.request({
          method: 'POST',
          url,
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        });
        expect(response.statusCode, `${url} ${JSON.stringify(body)}`).toBeLessThan(500);
        expect(response.statusCode, `${url} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(200);
      }
    }
    for (const body of weird) {
      const response = await world.operator.client.request({
        method: 'PATCH',
        url: `/api/cases/${caseId}/deadlines/x`,
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
      expect(response.statusCode).toBeLessThan(500);
    }
    const broken = await world.operator.client.request({
      method: 'POST',
      url: `/api/cases/${caseId}/documents`,
      body: '--nope\r\ngarbage',
      headers: { 'content-type': 'multipart/form-data; boundary=nope' },
    });
    expect(broken.statusCode).toBeGreaterThanOrEqual(400);
    expect(broken.statusCode).toBeLessThan(500);
  });

  it('keeps every text sealed in the database', async () => {
    for (const marker of [NOTE_MARKER, OUTCOME_MARKER, DESCRIPTION_MARKER, MESSAGE_MARKER]) {
      await expectNoPlaintext(world.db, marker);
    }
  });
});
