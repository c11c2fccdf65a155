import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postMessage } from '../../../src/modules/cases/case-messages.ts';
import { unseal } from '../../../src/modules/cases/sealed-fields.ts';
import { createTestApp, type TestContext } from '../../helpers/test-app.ts';
import {
  FormBrowser,
  formToken,
  reportWithReceipt,
  setUpDesk,
  withSpaces,
} from './receipt-fixtures.ts';

describe('the receipt channel', () => {
  let context: TestContext;
  let deskId: string;
  const db = () => context.database.handle.db;

  beforeAll(async () => {
    context = await createTestApp();
    ({ deskId } = await setUpDesk(context));
  });
  afterAll(() => context.close());

  const auditRows = (action: string, caseId?: string) => {
    let query = db()
      .selectFrom('audit_log')
      .select(['actor_user_id', 'actor_label', 'outcome', 'target_type', 'target_id', 'details'])
      .where('action', '=', action);
    if (caseId) query = query.where('target_id', '=', caseId);
    return query.execute();
  };

  it('follows a report from the receipt: status, messages, information, consents, withdrawal', async () => {
    const report = await reportWithReceipt(db(), context.config);
    const browser = new FormBrowser(context.app);

    // Signing in: the code typed with spaces, posted; the answer leads to the status page.
    const signIn = await browser.signIn(withSpaces(report.code));
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/it/ricevuta/stato');
    const cookieLines = browser.setCookieHeaders.filter((line) =>
      line.startsWith('osservatorio_receipt='),
    );
    // One cookie for every language's receipt pages: Path=/, as its `__Host-` name needs over HTTPS.
    expect(cookieLines.map((line) => /Path=([^;]+)/.exec(line)?.[1])).toEqual(['/']);
    for (const line of cookieLines) {
      expect(line).toContain('HttpOnly');
      expect(line).toContain('SameSite=Strict');
      expect(line).not.toContain('Max-Age');
      expect(line).not.toContain('Secure');
    }
    const sessionId = browser.cookies.get('osservatorio_receipt')!;
    const sessions = await db().selectFrom('reporter_sessions').selectAll().execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.case_id).toBe(report.id);
    expect(sessions[0]!.id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sessions[0]!.id_hash).not.toContain(sessionId);
    const minutes = (sessions[0]!.expires_at.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(19);
    expect(minutes).toBeLessThanOrEqual(20);
    const signedIn = await auditRows('receipt.signed_in', report.id);
    expect(signedIn).toHaveLength(1);
    expect(signedIn[0]).toMatchObject({ actor_user_id: null, actor_label: 'anonymous' });
    expect(JSON.stringify(signedIn)).not.toContain(report.code);

    // The status in plain words, with the desk and its public page, never cached.
    const status = await browser.get('/it/ricevuta/stato');
    expect(status.statusCode).toBe(200);
    expect(status.headers['cache-control']).toBe('no-store');
    expect(status.body).toContain(report.reference);
    expect(status.body).toContain('Ricevuta');
    expect(status.body).toContain('è arrivata ed è in attesa di essere esaminata');
    expect(status.body).toContain(`href="/it/sportelli/${deskId}"`);
    expect(status.body).toContain('Sportello antidiscriminazioni di Pisa');
    expect(status.body).toContain('Uso in statistiche anonime: Sì');
    expect(status.body).not.toContain('Zebedeo');
    const english = await browser.get('/en/receipt/status');
    expect(english.statusCode).toBe(200);
    expect(english.body).toContain('is waiting to be looked at');
    expect((await auditRows('receipt.read', report.id)).length).toBe(2);

    // The desk asks a question; the reporter reads it (marked read) and answers.
    const question = 'Ricorda in che giorno è successo?';
    await postMessage(db(), context.config, {
      caseId: report.id,
      direction: 'to_reporter',
      body: question,
      authorUserId: null,
    });
    expect((await browser.get('/it/ricevuta/stato')).body).toContain(
      'Lo sportello ti ha scritto un messaggio che non hai ancora letto.',
    );
    const conversation = await browser.get('/it/ricevuta/messaggi');
    expect(conversation.statusCode).toBe(200);
    expect(conversation.body).toContain(question);
    const read = await db()
      .selectFrom('case_messages')
      .select('read_at')
      .where('direction', '=', 'to_reporter')
      .executeTakeFirstOrThrow();
    expect(read.read_at).not.toBeNull();

    const answer = 'Era il 3 marzo, verso le sei di sera.';
    const sent = await browser.postForm('/it/ricevuta/messaggi', {
      _csrf: formToken(conversation.body),
      body: answer,
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/it/ricevuta/messaggi?done=sent');
    const after = await browser.get('/it/ricevuta/messaggi?done=sent');
    expect(after.body).toContain('Il messaggio è stato inviato allo sportello.');
    expect(after.body).toContain(answer);
    const stored = await db()
      .selectFrom('case_messages')
      .selectAll()
      .where('direction', '=', 'from_reporter')
      .executeTakeFirstOrThrow();
    expect(stored.body_enc).not.toContain('marzo');
    expect(
      unseal(context.config.masterKeys, 'case_messages', 'body_enc', stored.id, stored.body_enc),
    ).toBe(answer);
    const messageEvent = await db()
      .selectFrom('case_events')
      .selectAll()
      .where('kind', '=', 'reporter_message')
      .executeTakeFirstOrThrow();
    expect(messageEvent).toMatchObject({ case_id: report.id, by_reporter: true, body_enc: null });
    expect(messageEvent.details).toEqual({ messageId: stored.id });
    expect(await auditRows('receipt.message_sent', report.id)).toHaveLength(1);

    // An empty answer comes back with the field's message.
    const empty = await browser.postForm('/it/ricevuta/messaggi', {
      _csrf: formToken(after.body),
      body: '   ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Scrivi il messaggio prima di inviarlo.');
    const tooLong = await browser.postForm('/it/ricevuta/messaggi', {
      _csrf: formToken(after.body),
      body: 'a'.repeat(5_001),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('al massimo 5000 caratteri');

    // More information and a photo.
    const addPage = await browser.get('/it/ricevuta/aggiungi');
    expect(addPage.statusCode).toBe(200);
    const photo = await sharp({
      create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 10, b: 10 } },
    })
      .png()
      .toBuffer();
    const added = await browser.postMultipart(
      '/it/ricevuta/aggiungi',
      {
        _csrf: formToken(addPage.body),
        information: 'Ho ritrovato il messaggio del proprietario.',
      },
      [{ name: 'schermata.png', type: 'image/png', bytes: photo }],
    );
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/it/ricevuta/stato?done=information_added');
    const documents = await db()
      .selectFrom('case_documents')
      .innerJoin('stored_files', 'stored_files.id', 'case_documents.file_id')
      .select(['case_documents.source', 'stored_files.purpose', 'stored_files.media_type'])
      .where('case_documents.case_id', '=', report.id)
      .execute();
    expect(documents).toEqual([
      { source: 'reporter', purpose: 'report_evidence', media_type: 'image/png' },
    ]);
    const addition = await db()
      .selectFrom('case_events')
      .selectAll()
      .where('kind', '=', 'reporter_added_information')
      .executeTakeFirstOrThrow();
    expect(addition.by_reporter).toBe(true);
    expect(addition.details).toMatchObject({ files: 1, text: true });
    expect(
      unseal(
        context.config.masterKeys,
        'case_events',
        'body_enc',
        String(addition.id),
        addition.body_enc,
      ),
    ).toBe('Ho ritrovato il messaggio del proprietario.');
    const statusAfterAdding = await browser.get('/it/ricevuta/stato?done=information_added');
    expect(statusAfterAdding.body).toContain('quello che hai aggiunto è arrivato allo sportello');
    expect(statusAfterAdding.body).toContain('1 file');
    expect(await auditRows('receipt.information_added', report.id)).toHaveLength(1);

    // A web page pretending to be an image is refused, and what was typed stays.
    const refused = await browser.postMultipart(
      '/it/ricevuta/aggiungi',
      { _csrf: formToken(addPage.body), information: 'Testo da non perdere' },
      [{ name: 'foto.jpg', type: 'image/jpeg', bytes: Buffer.from('<html><script>x</script>') }],
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Testo da non perdere');
    expect(refused.body).toContain('is-invalid');
    const nothing = await browser.postMultipart(
      '/it/ricevuta/aggiungi',
      { _csrf: formToken(addPage.body), information: ' ' },
      [],
    );
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('Scrivi qualcosa o allega almeno un file.');
    expect(
      await db()
        .selectFrom('case_documents')
        .select('id')
        .where('case_id', '=', report.id)
        .execute(),
    ).toHaveLength(1);

    // Withdrawing the statistics consent.
    const consents = await browser.get('/it/ricevuta/consensi');
    expect(consents.statusCode).toBe(200);
    expect(consents.body).toContain('name="purpose" value="statistics"');
    expect(consents.body).not.toContain('name="purpose" value="handling"');
    const withdrawn = await browser.postForm('/it/ricevuta/consensi', {
      _csrf: formToken(consents.body),
      purpose: 'statistics',
    });
    expect(withdrawn.statusCode).toBe(303);
    const caseRow = await db()
      .selectFrom('cases')
      .select(['statistics_allowed', 'status'])
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(caseRow.statistics_allowed).toBe(false);
    const consentRow = await db()
      .selectFrom('cases')
      .select('consent_statistics_withdrawn_at')
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(consentRow.consent_statistics_withdrawn_at).not.toBeNull();
    const consentEvent = await db()
      .selectFrom('case_events')
      .select(['details', 'by_reporter'])
      .where('kind', '=', 'consent_withdrawn')
      .executeTakeFirstOrThrow();
    expect(consentEvent).toEqual({ details: { purpose: 'statistics' }, by_reporter: true });
    expect(await auditRows('receipt.consent_withdrawn', report.id)).toHaveLength(1);
    for (const purpose of ['handling', 'statistics', 'contact', 'nonsense']) {
      const refusedConsent = await browser.postForm('/it/ricevuta/consensi', {
        _csrf: formToken(consents.body),
        purpose,
      });
      expect(refusedConsent.statusCode, purpose).toBe(409);
    }
    const stillHandling = await db()
      .selectFrom('cases')
      .select('consent_handling')
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(stillHandling.consent_handling).toBe(true);

    // Withdrawing the report: the confirmation is required, then the case is withdrawn.
    const withdrawPage = await browser.get('/it/ricevuta/ritira');
    const unconfirmed = await browser.postForm('/it/ricevuta/ritira', {
      _csrf: formToken(withdrawPage.body),
    });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('spunta la casella di conferma');
    const confirmed = await browser.postForm('/it/ricevuta/ritira', {
      _csrf: formToken(withdrawPage.body),
      confirm: 'yes',
    });
    expect(confirmed.statusCode).toBe(303);
    const finalRow = await db()
      .selectFrom('cases')
      .select(['status', 'final_at', 'retention_until', 'outcome_code'])
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(finalRow.status).toBe('withdrawn');
    expect(finalRow.final_at).not.toBeNull();
    expect(finalRow.retention_until).not.toBeNull();
    expect(finalRow.outcome_code).toBe('withdrawn');
    const transition = await db()
      .selectFrom('case_events')
      .selectAll()
      .where('case_id', '=', report.id)
      .where('kind', '=', 'transition')
      .executeTakeFirstOrThrow();
    expect(transition.by_reporter).toBe(true);
    expect(transition.actor_user_id).toBeNull();
    expect(transition.details).toMatchObject({ from: 'received', to: 'withdrawn' });
    expect(
      unseal(
        context.config.masterKeys,
        'case_events',
        'body_enc',
        String(transition.id),
        transition.body_enc,
      ),
    ).toBe('withdrawn by the reporter');
    const withdrawals = await auditRows('receipt.report_withdrawn', report.id);
    expect(withdrawals.map((row) => row.outcome)).toEqual(['failure', 'success']);
    const withdrawnStatus = await browser.get('/it/ricevuta/stato?done=report_withdrawn');
    expect(withdrawnStatus.body).toContain('Hai ritirato questa segnalazione');
    const again = await browser.get('/it/ricevuta/ritira');
    expect(again.body).toContain('Hai già ritirato questa segnalazione.');
    expect(again.body).not.toContain('name="confirm"');
    const twice = await browser.postForm('/it/ricevuta/ritira', {
      _csrf: formToken(again.body),
      confirm: 'yes',
    });
    expect(twice.statusCode).toBe(409);

    // Signing out ends the session on the server and in the browser.
    const signOut = await browser.postForm('/it/ricevuta/esci', { _csrf: formToken(again.body) });
    expect(signOut.statusCode).toBe(303);
    expect(signOut.headers.location).toBe('/it/ricevuta?done=signed_out');
    expect(await db().selectFrom('reporter_sessions').selectAll().execute()).toHaveLength(0);
    expect(browser.cookies.has('osservatorio_receipt')).toBe(false);
    browser.cookies.set('osservatorio_receipt', sessionId);
    const closed = await browser.get('/it/ricevuta/stato');
    expect(closed.statusCode).toBe(401);
    expect(closed.body).toContain('inserisci di nuovo il codice di ricevuta');
  });

  it('refuses every form without the token bound to the reporter session', async () => {
    const report = await reportWithReceipt(db(), context.config);
    const browser = new FormBrowser(context.app);
    // The sign-in form itself needs the anonymous token.
    const noToken = await browser.postForm('/it/ricevuta', { code: report.code });
    expect(noToken.statusCode).toBe(403);
    const signInPage = await browser.get('/it/ricevuta');
    const anonymousToken = formToken(signInPage.body);
    expect((await browser.signIn(report.code)).statusCode).toBe(303);
    const posts: [string, Record<string, string>][] = [
      ['/it/ricevuta/messaggi', { body: 'ciao' }],
      ['/it/ricevuta/consensi', { purpose: 'statistics' }],
      ['/it/ricevuta/ritira', { confirm: 'yes' }],
      ['/it/ricevuta/esci', {}],
      ['/en/receipt/sign-out', {}],
    ];
    for (const [url, fields] of posts) {
      expect((await browser.postForm(url, fields)).statusCode, url).toBe(403);
      const wrong = await browser.postForm(url, { ...fields, _csrf: anonymousToken });
      expect(wrong.statusCode, url).toBe(403);
    }
    const multipart = await browser.postMultipart(
      '/it/ricevuta/aggiungi',
      { information: 'senza token' },
      [],
    );
    expect(multipart.statusCode).toBe(403);
    const row = await db()
      .selectFrom('cases')
      .select(['status', 'statistics_allowed'])
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'received', statistics_allowed: true });
    expect(
      await db()
        .selectFrom('case_messages')
        .select('id')
        .where('case_id', '=', report.id)
        .execute(),
    ).toHaveLength(0);
    expect(
      await db()
        .selectFrom('reporter_sessions')
        .select('id_hash')
        .where('case_id', '=', report.id)
        .execute(),
    ).toHaveLength(1);
  });

  it('answers every page without a session with the sign-in form', async () => {
    const browser = new FormBrowser(context.app);
    for (const url of [
      '/it/ricevuta/stato',
      '/it/ricevuta/messaggi',
      '/it/ricevuta/aggiungi',
      '/it/ricevuta/consensi',
      '/en/receipt/withdraw',
    ]) {
      const response = await browser.get(url);
      expect(response.statusCode, url).toBe(401);
      expect(response.headers['cache-control'], url).toBe('no-store');
      expect(response.body, url).toContain('name="code"');
    }
    const post = await browser.postForm('/it/ricevuta/messaggi', { body: 'x', _csrf: 'x' });
    expect(post.statusCode).toBe(401);
  });

  it('closes the receipt of an erased case, and expired sessions', async () => {
    const report = await reportWithReceipt(db(), context.config);
    const browser = new FormBrowser(context.app);
    expect((await browser.signIn(report.code)).statusCode).toBe(303);
    expect((await browser.get('/it/ricevuta/stato')).statusCode).toBe(200);

    await db()
      .updateTable('reporter_sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('case_id', '=', report.id)
      .execute();
    expect((await browser.get('/it/ricevuta/stato')).statusCode).toBe(401);
    expect(
      await db()
        .selectFrom('reporter_sessions')
        .select('id_hash')
        .where('case_id', '=', report.id)
        .execute(),
    ).toHaveLength(0);

    expect((await browser.signIn(report.code)).statusCode).toBe(303);
    await db()
      .updateTable('cases')
      .set({ erased_at: new Date() })
      .where('id', '=', report.id)
      .execute();
    expect((await browser.get('/it/ricevuta/stato')).statusCode).toBe(401);
    const again = await browser.signIn(report.code);
    expect(again.statusCode).toBe(401);
    expect(again.body).toContain('non corrisponde a nessuna segnalazione aperta');
  });
});
