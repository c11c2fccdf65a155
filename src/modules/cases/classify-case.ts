import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../../core/policy.ts';
import {
  checkClassification,
  isIntersectional,
  type Classification,
} from '../../core/taxonomy/classification.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { taxonomyVersion } from '../taxonomy/taxonomy-files.ts';
import { recordCaseEvent } from './case-events.ts';
import { lockCase } from './lock-case.ts';
import type { ClassificationBody } from './schemas.ts';

type Stored = Classification;

function facetChanges(before: Stored, after: Stored): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Classification)[]) {
    const was = before[key];
    const now = after[key];
    if (Array.isArray(was) && Array.isArray(now)) {
      const added = now.filter((code) => !was.includes(code));
      const removed = was.filter((code) => !now.includes(code));
      if (added.length > 0 || removed.length > 0) changes[key] = { added, removed };
    } else if (was !== now) {
      changes[key] = { from: was, to: now };
    }
  }
  return changes;
}

/**
 * Confirms or corrects a case's classification against the taxonomy version the case keeps, so
 * a code from a later version cannot slip into an older case. Codes only in the event.
 */
export async function classifyCase(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  caseId: string,
  body: ClassificationBody,
  locale: Locale,
  now = new Date(),
): Promise<string[]> {
  const { rowVersion, ...input } = body;
  const classification: Classification = {
    ...input,
    grounds: [...input.grounds],
  };
  return db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, caseId, rowVersion, locale, actor);
    const taxonomy = taxonomyVersion(row.taxonomy_version);
    if (!taxonomy) throw new Error(`taxonomy ${row.taxonomy_version} is not shipped`);
    const problems = checkClassification(taxonomy, classification);
    if (problems.length > 0) {
      throw new AppError('validation_failed', {
        fields: problems.map((problem) => {
          const values = classification[problem.field];
          const index = Array.isArray(values) ? values.indexOf(problem.value) : -1;
          return {
            field: index >= 0 ? `${problem.field}.${index}` : problem.field,
            message: translate(locale, `cases.validation.${problem.code}`, {
              value: problem.value,
            }),
          };
        }),
      });
    }
    const before: Stored = {
      grounds: row.ground_codes,
      primaryGround: row.primary_ground,
      perceivedGrounds: row.perceived_ground_codes,
      associationGrounds: row.association_ground_codes,
      domains: row.domain_codes,
      types: row.type_codes,
      perpetratorKind: row.perpetrator_kind,
      perpetratorSectors: row.perpetrator_sector_codes,
      perpetratorRoles: row.perpetrator_role_codes,
      reporterRole: row.reporter_role,
    };
    const changes = facetChanges(before, classification);
    await trx
      .updateTable('cases')
      .set({
        ground_codes: classification.grounds,
        primary_ground: classification.primaryGround,
        perceived_ground_codes: classification.perceivedGrounds,
        association_ground_codes: classification.associationGrounds,
        domain_codes: classification.domains,
        type_codes: classification.types,
        perpetrator_kind: classification.perpetratorKind,
        perpetrator_sector_codes: classification.perpetratorSectors,
        perpetrator_role_codes: classification.perpetratorRoles,
        reporter_role: classification.reporterRole,
        intersectional: isIntersectional(taxonomy, classification.grounds),
        classified_at: now,
        classified_by: actor.id,
        row_version: row.row_version + 1,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    await recordCaseEvent(trx, config, {
      caseId: row.id,
      kind: 'classified',
      actorUserId: actor.id,
      at: now,
      details: { taxonomyVersion: row.taxonomy_version, changes },
    });
    return Object.keys(changes);
  });
}
