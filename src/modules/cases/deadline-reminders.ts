import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { createTransport, type Transporter } from 'nodemailer';
import type { Config } from '../../config.ts';
import { localDate } from '../../core/cases/working-days.ts';
import type { DB } from '../../db/schema.ts';
import { translate } from '../../i18n/i18n.ts';
import type { JobDefinition } from '../../jobs/job-definition.ts';
import { caseSettingsOf } from './case-settings.ts';

// Reminders sent per run at most: a backlog (SMTP down for a day) drains over a few runs.
const BATCH = 200;

export interface ReminderMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * The reminder e-mail: the case reference, the due date and a link to the back office, nothing
 * else. E-mail leaves the platform's protection (other servers, mailboxes, phones), so the
 * deadline's title, the story and the people stay behind the sign-in: the message says so.
 */
export function reminderMail(
  config: Config,
  reminder: { to: string; caseId: string; reference: string; dueOn: string },
): ReminderMail {
  const base = (config.publicUrl ?? `http://${config.host}:${config.port}`).replace(/\/+$/, '');
  const link = `${base}/app/cases/${reminder.caseId}`;
  const [year, month, day] = reminder.dueOn.split('-');
  const values = { reference: reminder.reference, link };
  const italian = translate('it', 'cases.reminder.body', {
    ...values,
    dueOn: `${day}/${month}/${year}`,
  });
  const english = translate('en', 'cases.reminder.body', { ...values, dueOn: reminder.dueOn });
  return {
    to: reminder.to,
    subject: `${translate('it', 'cases.reminder.subject', values)} / ${translate('en', 'cases.reminder.subject', values)}`,
    text: `${italian}\n\n—\n\n${english}\n`,
  };
}

interface DueReminder {
  id: string;
  caseId: string;
  reference: string;
  dueOn: string;
  email: string;
}

async function dueReminders(db: Kysely<DB>, today: string, limit: number) {
  return db
    .selectFrom('case_deadlines')
    .innerJoin('cases', 'cases.id', 'case_deadlines.case_id')
    .innerJoin('users', 'users.id', 'case_deadlines.assignee_user_id')
    .select([
      'case_deadlines.id',
      'cases.id as caseId',
      'cases.reference',
      'case_deadlines.due_on as dueOn',
      'users.email',
    ])
    .where('case_deadlines.remind_on', '<=', sql<string>`${today}::date`)
    .where('case_deadlines.done_at', 'is', null)
    .where('case_deadlines.reminded_at', 'is', null)
    .where('cases.erased_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .orderBy('case_deadlines.remind_on')
    .orderBy('case_deadlines.id')
    .limit(limit)
    .execute() as Promise<DueReminder[]>;
}

export interface ReminderRun {
  due: number;
  sent: number;
  failed: number;
  notConfigured: boolean;
}

/**
 * Sends the reminders whose day has come (local date of the cases' time zone) for deadlines not
 * yet met and not yet reminded. Without SMTP nothing is sent and nothing is marked, so the
 * reminders go out once mail is configured. A deadline is marked reminded only after the server
 * accepted the message, inside a row lock so two workers never send the same one; a crash
 * between the two sends it again, which beats not sending it. Logs carry ids, never addresses.
 */
export async function sendDeadlineReminders(
  db: Kysely<DB>,
  config: Config,
  logger: FastifyBaseLogger,
  now = new Date(),
  transport?: Transporter,
): Promise<ReminderRun> {
  const today = localDate(now, caseSettingsOf(config).timeZone);
  const due = await dueReminders(db, today, BATCH);
  const run: ReminderRun = { due: due.length, sent: 0, failed: 0, notConfigured: false };
  if (due.length === 0) return run;
  const smtpUrl = config.mail.smtpUrl;
  if (!transport && !smtpUrl) {
    logger.warn({ deadlines: due.length }, 'deadline reminders not sent: no SMTP configured');
    return { ...run, notConfigured: true };
  }
  const mailer = transport ?? createTransport(smtpUrl);
  try {
    for (const reminder of due) {
      try {
        const sent = await db.transaction().execute(async (trx) => {
          const locked = await trx
            .selectFrom('case_deadlines')
            .select('id')
            .where('id', '=', reminder.id)
            .where('reminded_at', 'is', null)
            .where('done_at', 'is', null)
            .forUpdate()
            .skipLocked()
            .executeTakeFirst();
          if (!locked) return false;
          const mail = reminderMail(config, { ...reminder, to: reminder.email });
          await mailer.sendMail({ from: config.mail.from, ...mail });
          await trx
            .updateTable('case_deadlines')
            .set({ reminded_at: new Date() })
            .where('id', '=', reminder.id)
            .execute();
          return true;
        });
        if (sent) run.sent += 1;
      } catch (error) {
        run.failed += 1;
        logger.error(
          { deadlineId: reminder.id, code: (error as { code?: unknown }).code ?? null },
          'deadline reminder not sent',
        );
      }
    }
  } finally {
    if (!transport) mailer.close();
  }
  return run;
}

export const sendDeadlineRemindersJob: JobDefinition = {
  name: 'cases.send-deadline-reminders',
  schedule: { cron: '*/15 * * * *', timezone: 'Europe/Rome' },
  retry: { limit: 2, delaySeconds: 120 },
  expireInSeconds: 600,
  handler: async ({ database, config, logger }) => {
    const run = await sendDeadlineReminders(database.db, config, logger);
    return { ...run };
  },
};
