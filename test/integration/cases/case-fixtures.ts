import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Role } from '../../../src/core/policy.ts';
import type { DB } from '../../../src/db/schema.ts';
import { createCase, type NewCase } from '../../../src/modules/cases/create-case.ts';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import {
  createOrganisation,
  createTestApp,
  createUser,
  TestClient,
  type TestContext,
  type TestUser,
} from '../../helpers/test-app.ts';

export const PISA = '050026';
export const FIRENZE = '048017';
export const LUCCA = '046017';

export interface SignedIn {
  user: TestUser;
  client: TestClient;
}

/**
 * A small network: the lead partner (central queue), a node with a desk competent for Pisa, and
 * another node with a desk competent for Firenze; people of each role.
 */
export interface CaseWorld {
  context: TestContext;
  db: Kysely<DB>;
  lead: { id: string };
  node: { id: string };
  otherNode: { id: string };
  pisaDesk: string;
  firenzeDesk: string;
  operator: SignedIn;
  coordinator: SignedIn;
  otherOperator: SignedIn;
  otherCoordinator: SignedIn;
  leadCoordinator: SignedIn;
  legalExpert: SignedIn;
  analyst: SignedIn;
  auditor: SignedIn;
  admin: SignedIn;
}

async function insertDesk(
  db: Kysely<DB>,
  organisationId: string,
  name: string,
  competentFor: string[],
): Promise<string> {
  const { id } = await db
    .insertInto('help_desks')
    .values({
      organisation_id: organisationId,
      name,
      municipality_code: competentFor[0] ?? PISA,
      channels: ['phone'],
      access_mode: 'walk_in',
      opening_hours: JSON.stringify({ weekly: {}, exceptions: [], closedOnPublicHolidays: true }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('help_desk_municipalities')
    .values(competentFor.map((code) => ({ help_desk_id: id, municipality_code: code })))
    .execute();
  return id;
}

export async function signedIn(
  context: TestContext,
  roles: Role[],
  organisationId: string,
): Promise<SignedIn> {
  const user = await createUser(context, { roles, organisationId });
  const client = new TestClient(context.app);
  expect((await client.signIn(user)).statusCode).toBe(200);
  return { user, client };
}

export async function setUpCaseWorld(): Promise<CaseWorld> {
  const context = await createTestApp();
  const db = context.database.handle.db;
  await loadReferenceData(db);
  const lead = await createOrganisation(context, 'Capofila');
  await db
    .updateTable('organisations')
    .set({ network_role: 'lead_partner', network_joined_on: '2020-01-01' })
    .where('id', '=', lead.id)
    .execute();
  const node = await createOrganisation(context, 'Nodo Pisa');
  const otherNode = await createOrganisation(context, 'Nodo Firenze');
  await db
    .updateTable('organisations')
    .set({ network_role: 'node', network_joined_on: '2020-01-01' })
    .where('id', 'in', [node.id, otherNode.id])
    .execute();
  const pisaDesk = await insertDesk(db, node.id, 'Sportello Pisa', [PISA]);
  const firenzeDesk = await insertDesk(db, otherNode.id, 'Sportello Firenze', [FIRENZE]);
  return {
    context,
    db,
    lead,
    node,
    otherNode,
    pisaDesk,
    firenzeDesk,
    operator: await signedIn(context, ['operator'], node.id),
    coordinator: await signedIn(context, ['node_coordinator'], node.id),
    otherOperator: await signedIn(context, ['operator'], otherNode.id),
    otherCoordinator: await signedIn(context, ['node_coordinator'], otherNode.id),
    leadCoordinator: await signedIn(context, ['node_coordinator'], lead.id),
    legalExpert: await signedIn(context, ['legal_expert'], node.id),
    analyst: await signedIn(context, ['analyst'], node.id),
    auditor: await signedIn(context, ['auditor'], node.id),
    admin: await signedIn(context, ['network_admin'], node.id),
  };
}

let counter = 0;

/** What an operator types in for a phone call; override what a test is about. */
export function intakeBody(world: CaseWorld, overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    channel: 'phone',
    narrative: `Racconto numero ${counter}: al colloquio mi hanno detto che non assumono stranieri.`,
    title: `Colloquio di lavoro ${counter}`,
    occurredOn: '2026-10-12',
    occurredPrecision: 'day',
    municipalityCode: PISA,
    contact: { name: 'Amina Test', phone: '+39 333 123 4567' },
    consents: { handling: true, sharing: false, statistics: true, contact: true },
    grounds: ['nationality'],
    domains: ['employment_training'],
    queue: { organisationId: world.node.id, helpDeskId: world.pisaDesk },
    ...overrides,
  };
}

/** A report as the public form files it: routed by its municipality. */
export async function publicCase(world: CaseWorld, overrides: Partial<NewCase> = {}, now?: Date) {
  counter += 1;
  return createCase(
    world.db,
    world.context.config,
    {
      source: 'public_form',
      channel: 'web_form',
      narrative: `Segnalazione pubblica ${counter}`,
      title: null,
      municipalityCode: PISA,
      online: false,
      contact: null,
      locale: 'it',
      reporterRole: 'victim',
      grounds: ['racial_ethnic_origin'],
      domains: ['housing'],
      perpetratorSectors: [],
      consents: { handling: true, sharing: false, statistics: true, contact: false },
      createdBy: null,
      issueReceipt: true,
      ...overrides,
    },
    now,
  );
}

export interface CaseDetailBody {
  id: string;
  reference: string;
  status: string;
  access: string;
  narrative: string | null;
  rowVersion: number;
  allowedTransitions: string[];
  acknowledgedAt: string | null;
  takenInChargeAt: string | null;
  finalAt: string | null;
  retentionUntil: string | null;
  overdue: { acknowledge: boolean; takeInCharge: boolean };
  reporter: { contact: { name: string | null; phone: string | null } | null; hasReceipt: boolean };
  classification: {
    grounds: string[];
    outcome: string | null;
    intersectional: boolean;
    primaryGround: string | null;
  } | null;
  victimProfile: Record<string, string | null> | null;
  events: { kind: string; details: Record<string, unknown>; body: string | null }[];
  helpDesk: { id: string; name: string } | null;
  organisation: { id: string; name: string } | null;
  assignee: { id: string; displayName: string } | null;
  title: string | null;
  municipality: { code: string; name: string } | null;
}

export interface ErrorBody {
  error: { code: string; fields?: { field: string; message: string }[] };
}
