import type { Kysely } from 'kysely';
import type { DB, Role } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { loadReferenceData } from '../modules/reference/load-reference-data.ts';
import { seedDemoHelpDesks } from './demo-help-desks.ts';
import { demoAccounts, demoOrganisations, demoReferrals } from './demo-network.ts';

export interface DemoCredential {
  email: string;
  password: string;
  role: Role;
  organisation: string;
}

function credentials(): DemoCredential[] {
  return demoAccounts.map(({ email, password, role, organisation }) => ({
    email,
    password,
    role,
    organisation,
  }));
}

/**
 * Creates the demo network (organisations, one account per role and a second desk's operator) and returns the sign-in
 * credentials to print. Idempotent: when the lead partner of the demo already exists nothing is
 * written, so a restart or a second call never duplicates or resets anything. Everything is
 * written in one transaction, so a failed seed leaves no half network behind.
 */
export async function seedDemoData(db: Kysely<DB>): Promise<DemoCredential[]> {
  const leadPartner = demoOrganisations.find((o) => o.networkRole === 'lead_partner')!;
  const existing = await db
    .selectFrom('organisations')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', leadPartner.name.toLowerCase()))
    .executeTakeFirst();
  if (existing) return credentials();

  // Organisations refer to their municipality; the loader is a no-op when already loaded.
  await loadReferenceData(db);
  // Argon2id is deliberately slow: hash before opening the transaction, in parallel.
  const passwordHashes = await Promise.all(
    demoAccounts.map((account) => hashPassword(account.password)),
  );

  await db.transaction().execute(async (trx) => {
    const organisations = await trx
      .insertInto('organisations')
      .values(
        demoOrganisations.map((organisation) => ({
          name: organisation.name,
          kind: organisation.kind,
          municipality_code: organisation.municipalityCode,
          network_role: organisation.networkRole,
          description: organisation.description,
          network_joined_on: organisation.networkJoinedOn,
          unar_protocol_signed_on: organisation.unarProtocol?.signedOn ?? null,
          unar_protocol_reference: organisation.unarProtocol?.reference ?? null,
          email: organisation.email,
          phone: organisation.phone,
          address: organisation.address,
          postal_code: organisation.postalCode,
          latitude: organisation.latitude,
          longitude: organisation.longitude,
        })),
      )
      .returning(['id', 'name'])
      .execute();
    const organisationIds = new Map(organisations.map((row) => [row.name, row.id]));
    const organisationId = (name: string) => {
      const id = organisationIds.get(name);
      if (!id) throw new Error(`Demo data names an unknown organisation: ${name}`);
      return id;
    };

    const territories = demoOrganisations.flatMap((organisation) =>
      (organisation.territoryCodes ?? []).map((code) => ({
        organisation_id: organisationId(organisation.name),
        municipality_code: code,
      })),
    );
    if (territories.length > 0) {
      await trx.insertInto('organisation_territories').values(territories).execute();
    }
    await trx
      .insertInto('referral_links')
      .values(
        demoReferrals.map((referral) => ({
          from_organisation_id: organisationId(referral.from),
          to_organisation_id: organisationId(referral.to),
          description: referral.description,
        })),
      )
      .execute();

    const users = await trx
      .insertInto('users')
      .values(
        demoAccounts.map((account, index) => ({
          email: account.email,
          display_name: account.displayName,
          password_hash: passwordHashes[index]!,
          is_demo: true,
        })),
      )
      .returning(['id', 'email'])
      .execute();
    const userIds = new Map(users.map((row) => [row.email, row.id]));

    await trx
      .insertInto('memberships')
      .values(
        demoAccounts.map((account) => {
          const organisationId = organisationIds.get(account.organisation);
          if (!organisationId) {
            throw new Error(`Demo account ${account.email} names an unknown organisation`);
          }
          return {
            user_id: userIds.get(account.email)!,
            organisation_id: organisationId,
            role: account.role,
          };
        }),
      )
      .execute();
    await seedDemoHelpDesks(trx);
  });
  return credentials();
}
