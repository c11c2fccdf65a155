import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { AppError, notFound, type FieldError } from '../../core/errors.ts';
import { caseTeamOrganisations, type Actor } from '../../core/policy.ts';
import { findCode, type Facet } from '../../core/taxonomy/taxonomy.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { currentTaxonomy } from '../taxonomy/taxonomy-files.ts';
import { isUuid } from './case-access.ts';
import { ConsentError, createCase, type CreatedCase } from './create-case.ts';
import type { CreateCaseBody } from './schemas.ts';

export async function municipalityExists(db: Kysely<DB>, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('municipalities')
    .select('istat_code')
    .where('istat_code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

/** The queue an operator files a case into: one of their organisations, and one of its desks. */
async function checkQueue(
  db: Kysely<DB>,
  actor: Actor,
  queue: CreateCaseBody['queue'],
): Promise<{ organisationId: string; helpDeskId: string | null }> {
  const organisationId = queue.organisationId;
  if (!caseTeamOrganisations(actor).includes(organisationId)) throw notFound();
  const helpDeskId = queue.helpDeskId ?? null;
  if (helpDeskId !== null) {
    if (!isUuid(helpDeskId)) throw notFound();
    const desk = await db
      .selectFrom('help_desks')
      .select('id')
      .where('id', '=', helpDeskId)
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    if (!desk) throw notFound();
  }
  return { organisationId, helpDeskId };
}

/**
 * A report received by phone, e-mail, in person, from the press or online monitoring, typed in
 * by an operator for their own organisation's (or desk's) queue. The consents were given to the
 * operator, who is recorded as having taken them.
 */
export async function intakeCase(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  body: CreateCaseBody,
  locale: Locale,
): Promise<CreatedCase> {
  const queue = await checkQueue(db, actor, body.queue);
  const fields: FieldError[] = [];
  const taxonomy = currentTaxonomy();
  const checkCodes = (field: string, facet: Facet, values: readonly string[]) => {
    values.forEach((value, index) => {
      if (!findCode(taxonomy, facet, value)) {
        fields.push({
          field: `${field}.${index}`,
          message: translate(locale, 'cases.validation.code_unknown'),
        });
      }
    });
  };
  if (body.reporterRole && !findCode(taxonomy, 'reporter_role', body.reporterRole)) {
    fields.push({
      field: 'reporterRole',
      message: translate(locale, 'cases.validation.code_unknown'),
    });
  }
  checkCodes('grounds', 'ground', body.grounds ?? []);
  checkCodes('domains', 'domain', body.domains ?? []);
  checkCodes('perpetratorSectors', 'perpetrator_sector', body.perpetratorSectors ?? []);
  const municipalityCode = body.municipalityCode?.trim() || null;
  if (municipalityCode !== null && !(await municipalityExists(db, municipalityCode))) {
    fields.push({
      field: 'municipalityCode',
      message: translate(locale, 'cases.validation.municipality_unknown'),
    });
  }
  if (!body.occurredOn && body.occurredPrecision) {
    fields.push({
      field: 'occurredOn',
      message: translate(locale, 'cases.validation.occurred_together'),
    });
  }
  if (body.onlineLink && !/^https?:\/\/\S+$/i.test(body.onlineLink)) {
    fields.push({
      field: 'onlineLink',
      message: translate(locale, 'cases.validation.link_invalid'),
    });
  }
  if (fields.length > 0) throw new AppError('validation_failed', { fields });

  const contact = body.contact
    ? {
        name: body.contact.name ?? null,
        email: body.contact.email ?? null,
        phone: body.contact.phone ?? null,
        preference: body.contact.preference ?? null,
      }
    : null;
  try {
    return await createCase(db, config, {
      source: 'operator',
      channel: body.channel,
      narrative: body.narrative,
      title: body.title ?? null,
      occurredOn: body.occurredOn ?? null,
      occurredPrecision: body.occurredOn ? (body.occurredPrecision ?? 'day') : null,
      municipalityCode,
      online: body.online || Boolean(body.onlineLink),
      onlineLink: body.onlineLink ?? null,
      placeDetail: body.placeDetail ?? null,
      perpetratorDetail: body.perpetratorDetail ?? null,
      contact,
      locale: body.locale ?? locale,
      reporterRole: body.reporterRole ?? null,
      grounds: [...new Set(body.grounds ?? [])],
      domains: [...new Set(body.domains ?? [])],
      perpetratorSectors: [...new Set(body.perpetratorSectors ?? [])],
      consents: body.consents,
      createdBy: actor.id,
      issueReceipt: body.issueReceipt,
      queue,
    });
  } catch (error) {
    if (error instanceof ConsentError) {
      throw new AppError('validation_failed', {
        fields: error.problems.map((problem) => ({
          field: `consents.${problem.field}`,
          message: translate(locale, `cases.validation.consent_${problem.problem}`),
        })),
      });
    }
    throw error;
  }
}
