import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../../../src/jobs/registry.ts';
import {
  sendDeadlineReminders,
  sendDeadlineRemindersJob,
} from '../../../src/modules/cases/deadline-reminders.ts';
import { testDatabaseKind } from '../../helpers/test-db.ts';
import { intakeBody, setUpCaseWorld, type CaseWorld, type ErrorBody } from './case-fixtures.ts';
import { auditRows, expectNoPlaintext } from './timeline-fixtures.ts';

const TITLE_MARKER = 'MARCATORE-SCADENZA-Ottavina';

interface Received {
  to: string[];
  data: string;
}

/** An SMTP server in the test process: it keeps what it receives. */
async function startSmtp(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe(`case deadlines and e-mail reminders on ${testDatabaseKind}`, () => {
  let world: CaseWorld;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let caseId: string;
  let reference: string;
  const logs: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(line) });
  beforeAll(async () => {
    world = await setUpCaseWorld();
    smtp = await startSmtp();
    const created = await world.operator.client.post(
      '/api/cases',
      intakeBody(world, { contact: { name: 'Persona Riservata', email: 'riservata@example.org' } }),
    );
    expect(created.statusCode, created.body).toBe(201);
    ({ id: caseId, reference } = created.json<{ id: string; reference: string }>());
  });
  afterAll(async () => {
    await smtp.close();
    await world.context.close();
  });

  const deadlines = async () => {
    const response = await world.operator.client.get(`/api/cases/${caseId}/timeline`);
    expect(response.statusCode).toBe(200);
    return response.json<{
      deadlines: {
        id: string;
        title: string | null;
        dueOn: string;
        remindOn: string;
        doneAt: string | null;
        remindedAt: string | null;
      }[];
    }>().deadlines;
  };

  it('is declared in the jobs registry, every 15 minutes', () => {
    expect(jobDefinitions).toContain(sendDeadlineRemindersJob);
    expect(sendDeadlineRemindersJob.name).toBe('cases.send-deadline-reminders');
    expect(sendDeadlineRemindersJob.schedule?.cron).toBe('*/15 * * * *');
  });

  it('sets a deadline for a team member, reminder by default two working days before', async () => {
    const response = await world.operator.client.post(`/api/cases/${caseId}/deadlines`, {
      title: `Ricorso entro i termini per ${TITLE_MARKER}`,
      dueOn: '2099-11-30',
      assigneeUserId: world.coordinator.user.id,
    });
    expect(response.statusCode, response.body).toBe(201);
    // Monday 30 November 2099 → Thursday 26 November.
    expect(response.json<{ remindOn: string }>().remindOn).toBe('2099-11-26');
    const [deadline] = await deadlines();
    expect(deadline).toMatchObject({ dueOn: '2099-11-30', remindOn: '2099-11-26', doneAt: null });
    expect(deadline?.title).toContain(TITLE_MARKER);
    const audit = await auditRows(world.db, caseId, 'cases.deadline_added');
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('MARCATORE');
  });

  it('names the wrong fields: past date, late reminder, assignee outside the case team', async () => {
    const post = (body: Record<string, unknown>) =>
      world.operator.client.post(`/api/cases/${caseId}/deadlines`, {
        title: 'Scadenza',
        dueOn: '2099-01-10',
        assigneeUserId: world.operator.user.id,
        ...body,
      });
    const cases: [Record<string, unknown>, string][] = [
      [{ dueOn: '2001-01-01' }, 'dueOn'],
      [{ dueOn: 'domani' }, 'dueOn'],
      [{ remindOn: '2099-02-01' }, 'remindOn'],
      [{ assigneeUserId: world.otherOperator.user.id }, 'assigneeUserId'],
      [{ assigneeUserId: world.legalExpert.user.id }, 'assigneeUserId'],
      [{ assigneeUserId: 'nobody' }, 'assigneeUserId'],
      [{ title: '' }, 'title'],
    ];
    for (const [body, field] of cases) {
      const response = await post(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json<ErrorBody>().error.fields?.[0]?.field).toBe(field);
    }
    const foreign = await world.otherOperator.client.post(`/api/cases/${caseId}/deadlines`, {
      title: 'x',
      dueOn: '2099-01-10',
      assigneeUserId: world.otherOperator.user.id,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('e-mails the assignee once, with the reference and no personal data', async () => {
    const due = await world.operator.client.post(`/api/cases/${caseId}/deadlines`, {
      title: `Termine per ${TITLE_MARKER}`,
      dueOn: '2099-03-20',
      remindOn: '2099-03-18',
      assigneeUserId: world.operator.user.id,
    });
    expect(due.statusCode, due.body).toBe(201);
    const deadlineId = due.json<{ id: string }>().id;
    const now = new Date('2099-03-18T08:00:00Z');
    const config = {
      ...world.context.config,
      mail: { smtpUrl: smtp.url, from: 'noreply@example.org' },
    };

    // Without SMTP: logged, nothing marked, nothing sent.
    const unconfigured = await sendDeadlineReminders(
      world.db,
      { ...config, mail: { smtpUrl: undefined, from: 'noreply@example.org' } },
      logger,
      now,
    );
    expect(unconfigured).toMatchObject({ due: 1, sent: 0, notConfigured: true });
    expect(logs.join('')).toContain('not sent: no SMTP configured');
    expect(smtp.received).toHaveLength(0);

    const first = await sendDeadlineReminders(world.db, config, logger, now);
    expect(first).toMatchObject({ due: 1, sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.to).toEqual([world.operator.user.email]);
    const text = mail!.data.replaceAll('=\r\n', '');
    expect(text).toContain(reference);
    expect(text).toContain('20/03/2099');
    expect(text).toContain(`/app/cases/${caseId}`);
    expect(text).toContain('Open the case to see the details');
    for (const secret of [
      TITLE_MARKER,
      'Persona Riservata',
      'riservata@example.org',
      'stranieri',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(logs.join('')).not.toContain(world.operator.user.email);

    const second = await sendDeadlineReminders(world.db, config, logger, now);
    expect(second).toMatchObject({ due: 0, sent: 0 });
    expect(smtp.received).toHaveLength(1);
    const reminded = (await deadlines()).find((deadline) => deadline.id === deadlineId);
    expect(reminded?.remindedAt).not.toBeNull();
  });

  it('does not remind a deadline marked done, and can reopen it', async () => {
    const due = await world.operator.client.post(`/api/cases/${caseId}/deadlines`, {
      title: 'Richiamare',
      dueOn: '2099-04-20',
      remindOn: '2099-04-10',
      assigneeUserId: world.operator.user.id,
    });
    const deadlineId = due.json<{ id: string }>().id;
    const url = `/api/cases/${caseId}/deadlines/${deadlineId}`;
    const done = await world.operator.client.request({
      method: 'PATCH',
      url,
      body: { done: true },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ done: true, changed: true });
    const config = {
      ...world.context.config,
      mail: { smtpUrl: smtp.url, from: 'noreply@example.org' },
    };
    const run = await sendDeadlineReminders(
      world.db,
      config,
      logger,
      new Date('2099-04-15T08:00:00Z'),
    );
    expect(run.sent).toBe(0);
    expect(smtp.received).toHaveLength(1);

    const undone = await world.operator.client.request({
      method: 'PATCH',
      url,
      body: { done: false },
    });
    expect(undone.json()).toMatchObject({ done: false, changed: true });
    const events = await world.db
      .selectFrom('case_events')
      .select('kind')
      .where('case_id', '=', caseId)
      .where('kind', 'in', ['deadline_done', 'deadline_reopened'])
      .execute();
    expect(events.map((event) => event.kind).sort()).toEqual([
      'deadline_done',
      'deadline_reopened',
    ]);
    const missing = await world.operator.client.request({
      method: 'PATCH',
      url: `/api/cases/${caseId}/deadlines/00000000-0000-4000-8000-000000000000`,
      body: { done: true },
    });
    expect(missing.statusCode).toBe(404);
    await expectNoPlaintext(world.db, TITLE_MARKER);
  });
});
