import { sql, type Kysely, type Transaction } from 'kysely';
import type { Config } from '../../config.ts';
import {
  checkConsentChoices,
  CURRENT_CONSENT_VERSION,
  type ConsentChoices,
} from '../../core/cases/consent.ts';
import {
  narrativeFingerprint,
  normaliseEmail,
  normalisePhone,
} from '../../core/cases/fingerprints.ts';
import { generateReceiptCode } from '../../core/cases/receipt-code.ts';
import { routeReport, type CompetentDesk } from '../../core/cases/routing.ts';
import type { IntakeChannel, VictimProfile } from '../../core/cases/vocabularies.ts';
import { dueDate } from '../../core/cases/working-days.ts';
import { keyedHash } from '../../core/keyed-hash.ts';
import { isIntersectional } from '../../core/taxonomy/classification.ts';
import type { DB } from '../../db/schema.ts';
import { consentColumns } from './case-consents.ts';
import { caseSettingsOf } from './case-settings.ts';
import { contactJson, rowSealer, type ReporterContact } from './sealed-fields.ts';
import { currentTaxonomy } from '../taxonomy/taxonomy-files.ts';

/** A report as it arrives, from the public form or typed in by an operator. */
export interface NewCase {
  source: 'public_form' | 'operator';
  channel: IntakeChannel;
  narrative: string;
  title?: string | null;
  occurredOn?: string | null;
  occurredPrecision?: 'day' | 'month' | 'year' | null;
  municipalityCode?: string | null;
  online: boolean;
  onlineLink?: string | null;
  placeDetail?: string | null;
  perpetratorDetail?: string | null;
  contact: ReporterContact | null;
  locale: string;
  /** Plain answers of the reporter, already mapped to taxonomy codes: a proposal to confirm. */
  reporterRole: string | null;
  grounds: string[];
  domains: string[];
  perpetratorSectors: string[];
  victimProfile?: Partial<VictimProfile>;
  consents: ConsentChoices;
  /** The operator who typed it in (consents given to them by phone or in person). */
  createdBy: string | null;
  /** Evidence already stored (`stored_files`), attached as the reporter's documents. */
  evidenceFileIds?: string[];
  /** Whether to issue a receipt code (always for the public form; on request for operators). */
  issueReceipt: boolean;
  /** An operator entering a case for their own desk's queue routes it there. */
  queue?: { organisationId: string; helpDeskId: string | null };
}

export interface CreatedCase {
  id: string;
  reference: string;
  /** Shown once to the reporter, never stored. */
  receiptCode: string | null;
  organisationId: string | null;
  helpDeskId: string | null;
}

export class ConsentError extends Error {
  readonly problems: ReturnType<typeof checkConsentChoices>;
  constructor(problems: ReturnType<typeof checkConsentChoices>) {
    super('consent choices are not valid');
    this.problems = problems;
  }
}

async function competentDesks(
  db: Kysely<DB> | Transaction<DB>,
  municipalityCode: string,
): Promise<CompetentDesk[]> {
  const rows = await db
    .selectFrom('help_desk_municipalities as hdm')
    .innerJoin('help_desks', 'help_desks.id', 'hdm.help_desk_id')
    .innerJoin('organisations', 'organisations.id', 'help_desks.organisation_id')
    .select([
      'help_desks.id as helpDeskId',
      'help_desks.organisation_id as organisationId',
      'help_desks.name as name',
      sql<boolean>`organisations.network_role IS NOT NULL AND (organisations.network_left_on IS NULL OR organisations.network_left_on > current_date)`.as(
        'organisationIsMember',
      ),
    ])
    .where('hdm.municipality_code', '=', municipalityCode)
    .where('help_desks.status', '=', 'active')
    .where('organisations.status', '=', 'active')
    .execute();
  return rows;
}

/** The network's central queue: the lead partner's, while it is a current member. */
export async function centralOrganisationId(
  db: Kysely<DB> | Transaction<DB>,
): Promise<string | null> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('network_role', '=', 'lead_partner')
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('network_left_on', 'is', null),
        eb('network_left_on', '>', sql<string>`current_date`),
      ]),
    )
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

export function receiptHash(config: Config, code: string): string {
  return keyedHash(config.hashKey, 'receipt', code);
}

/**
 * Takes a report in: routes it to the competent desk's queue (or the central one), sets the
 * response-time targets, encrypts every personal field, records the consents with the text
 * version shown, stores the duplicate fingerprints and, for the reporter, a receipt code whose
 * keyed hash is all that is kept. One statement: a report is stored whole or not at all.
 */
export async function createCase(
  db: Kysely<DB>,
  config: Config,
  input: NewCase,
  now = new Date(),
): Promise<CreatedCase> {
  const contact = input.contact;
  const hasChannel = Boolean(contact?.email || contact?.phone);
  const consentProblems = checkConsentChoices(input.consents, hasChannel);
  if (consentProblems.length > 0) throw new ConsentError(consentProblems);

  const settings = caseSettingsOf(config);
  const taxonomy = currentTaxonomy();
  const receiptCode = input.issueReceipt ? generateReceiptCode() : null;

  const queue = input.queue ?? null;
  let organisationId: string | null;
  let helpDeskId: string | null;
  if (queue) {
    organisationId = queue.organisationId;
    helpDeskId = queue.helpDeskId;
  } else {
    const desks = input.municipalityCode ? await competentDesks(db, input.municipalityCode) : [];
    const routed = routeReport(desks, await centralOrganisationId(db));
    organisationId = routed.organisationId;
    helpDeskId = routed.kind === 'help_desk' ? routed.helpDeskId : null;
  }

  const id = crypto.randomUUID();
  const sealField = rowSealer(config.masterKeys, 'cases', id);
  const profile = input.victimProfile ?? {};
  const fingerprint = (kind: 'email' | 'phone' | 'narrative', value: string | null) =>
    value === null ? null : keyedHash(config.hashKey, `case-fingerprint:${kind}`, value);
  const evidence = input.evidenceFileIds ?? [];

  // One row: the case holds its consents, its fingerprints and what the `received` event shows,
  // since rows are what intake throughput is made of. Evidence from the public form joins it
  // in a data-modifying CTE: one statement, stored whole or not at all.
  const insertCase = db
    .insertInto('cases')
    .values({
      id,
      reference: sql<string>`'SEG-' || ${String(now.getUTCFullYear())} || '-' || lpad(nextval('case_reference_seq')::text, 6, '0')`,
      source: input.source,
      channel: input.channel,
      organisation_id: organisationId,
      help_desk_id: helpDeskId,
      received_at: now,
      acknowledge_due_on: dueDate(now, settings.acknowledgeWorkingDays, settings.timeZone),
      take_in_charge_due_on: dueDate(now, settings.takeInChargeWorkingDays, settings.timeZone),
      title: input.title?.trim() || null,
      occurred_on: input.occurredOn ?? null,
      occurred_precision: input.occurredOn ? (input.occurredPrecision ?? 'day') : null,
      municipality_code: input.municipalityCode ?? null,
      online: input.online,
      narrative_enc: sealField('narrative_enc', input.narrative),
      place_detail_enc: sealField('place_detail_enc', input.placeDetail),
      online_link_enc: sealField('online_link_enc', input.onlineLink),
      perpetrator_detail_enc: sealField('perpetrator_detail_enc', input.perpetratorDetail),
      reporter_contact_enc: sealField('reporter_contact_enc', contactJson(contact)),
      reporter_anonymous: !contact?.name,
      reporter_locale: input.locale,
      receipt_hash: receiptCode ? receiptHash(config, receiptCode) : null,
      taxonomy_version: taxonomy.version,
      ground_codes: input.grounds,
      domain_codes: input.domains,
      perpetrator_sector_codes: input.perpetratorSectors,
      reporter_role: input.reporterRole,
      intersectional: isIntersectional(taxonomy, input.grounds),
      victim_age_band: profile.ageBand ?? null,
      victim_gender: profile.gender ?? null,
      victim_citizenship_group: profile.citizenshipGroup ?? null,
      victim_migration_background: profile.migrationBackground ?? null,
      victim_residence_status: profile.residenceStatus ?? null,
      statistics_allowed: input.consents.statistics,
      ...consentColumns(input.consents, CURRENT_CONSENT_VERSION),
      email_fingerprint: fingerprint(
        'email',
        contact?.email ? normaliseEmail(contact.email) : null,
      ),
      phone_fingerprint: fingerprint(
        'phone',
        contact?.phone ? normalisePhone(contact.phone) : null,
      ),
      narrative_fingerprint: fingerprint('narrative', narrativeFingerprint(input.narrative)),
      intake_route: queue ? 'chosen' : helpDeskId ? 'competent_desk' : 'central_queue',
      created_by: input.createdBy,
    })
    .returning('reference');
  const created =
    evidence.length === 0
      ? await insertCase.executeTakeFirstOrThrow()
      : await db
          .with('new_case', () => insertCase)
          .with('documents', (qb) =>
            qb
              .insertInto('case_documents')
              .columns(['case_id', 'file_id', 'source', 'added_by', 'added_at'])
              .expression(
                sql`SELECT ${id}::uuid, file_id, 'reporter', ${input.createdBy}::uuid, ${now}::timestamptz FROM unnest(${evidence}::uuid[]) AS file_id`,
              ),
          )
          .selectFrom('new_case')
          .select('reference')
          .executeTakeFirstOrThrow();

  return { id, reference: created.reference, receiptCode, organisationId, helpDeskId };
}
