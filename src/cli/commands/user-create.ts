import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { hasMessage, translate } from '../../i18n/i18n.ts';
import { appendAudit } from '../../modules/audit/append-audit.ts';
import { createUser } from '../../modules/users/create-user.ts';
import { createUserBody } from '../../modules/users/schemas.ts';
import { isUuid } from '../../modules/users/user-id.ts';
import { parseCommandArguments } from '../arguments.ts';
import { CommandError, UsageError } from '../cli-errors.ts';
import { cliActor, withDatabase } from '../database.ts';

const DEFAULT_ORGANISATION = 'Rete';
const flagOf: Record<string, string> = {
  email: '--email',
  displayName: '--name',
  password: '--password',
  preferredLanguage: '--language',
};

interface Organisation {
  id: string;
  name: string;
}

/**
 * The organisation named by --organisation (exact id, or name in any case); by default the
 * network's lead partner, and on a new database an organisation "Rete" created to hold the
 * first administrator (to be renamed and described in the back office).
 */
async function chooseOrganisation(
  db: Kysely<DB>,
  wanted: string | undefined,
): Promise<Organisation> {
  const organisations = db.selectFrom('organisations').select(['id', 'name']);
  if (wanted !== undefined) {
    const found = await (
      isUuid(wanted)
        ? organisations.where('id', '=', wanted)
        : organisations.where((eb) => eb(eb.fn('lower', ['name']), '=', wanted.toLowerCase()))
    ).executeTakeFirst();
    if (!found)
      throw new CommandError(`There is no organisation "${wanted}"; give its exact name or id.`);
    return found;
  }
  const leads = await organisations
    .where('network_role', '=', 'lead_partner')
    .orderBy('name')
    .execute();
  if (leads.length > 1) {
    throw new CommandError(
      `The network has ${leads.length} lead partners (${leads.map((lead) => lead.name).join(', ')}); choose one with --organisation.`,
    );
  }
  if (leads[0]) return leads[0];
  const named = await organisations
    .where((eb) => eb(eb.fn('lower', ['name']), '=', DEFAULT_ORGANISATION.toLowerCase()))
    .executeTakeFirst();
  if (named) return named;
  return db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('organisations')
      .values({
        name: DEFAULT_ORGANISATION,
        kind: 'other_public_body',
        network_role: 'lead_partner',
        description: 'Created by `osservatorio user create` for the first administrator.',
      })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actorUserId: cliActor.userId,
      actorLabel: cliActor.label,
      action: 'organisations.created',
      targetType: 'organisation',
      targetId: created.id,
      details: { networkRole: 'lead_partner' },
    });
    return created;
  });
}

/** Creates a network administrator; without --password a strong one is generated and shown once. */
export async function run(args: string[], usage: string): Promise<number> {
  const { values } = parseCommandArguments(
    args,
    {
      admin: { type: 'boolean' },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      organisation: { type: 'string' },
      language: { type: 'string' },
    },
    usage,
  );
  if (!values.admin) {
    throw new UsageError(
      'Only administrators are created here (--admin); create other accounts in the back office.',
      usage,
    );
  }
  if (values.email === undefined || values.name === undefined) {
    throw new UsageError('--email and --name are required.', usage);
  }
  const generated = values.password === undefined;
  const parsed = createUserBody.safeParse({
    email: values.email,
    displayName: values.name,
    password: values.password ?? randomBytes(18).toString('base64url'),
    preferredLanguage: values.language ?? 'it',
    memberships: [],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const message = hasMessage('en', issue.message)
      ? translate('en', issue.message)
      : issue.message;
    throw new UsageError(
      `${flagOf[String(issue.path[0])] ?? String(issue.path[0])}: ${message}`,
      usage,
    );
  }
  return withDatabase(async (handle) => {
    const organisation = await chooseOrganisation(handle.db, values.organisation);
    let id: string;
    try {
      id = await createUser(
        handle.db,
        {
          ...parsed.data,
          memberships: [{ organisationId: organisation.id, role: 'network_admin' }],
        },
        { actor: cliActor, locale: 'en' },
      );
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') {
        throw new CommandError(`An account with the e-mail ${parsed.data.email} already exists.`);
      }
      throw error;
    }
    console.log(
      `Created network administrator ${parsed.data.email} (${id}) in "${organisation.name}".`,
    );
    if (generated) {
      console.log(
        `Password (shown only this once; change it after signing in): ${parsed.data.password}`,
      );
    }
    return 0;
  });
}
