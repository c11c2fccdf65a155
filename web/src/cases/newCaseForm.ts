import type { ConsentPurpose } from '../../../src/core/cases/consent.ts';
import type { DatePrecision } from '../../../src/core/cases/vocabularies.ts';
import type { FieldError } from '../api/client.ts';
import type { NewCase } from '../api/cases.ts';
import type { Municipality } from '../api/municipalities.ts';
import type { Translate } from '../i18n/useT.ts';

export const NEW_CASE_FORM = 'new-case';

export interface NewCaseDraft {
  channel: string;
  title: string;
  narrative: string;
  occurredOn: string;
  occurredPrecision: DatePrecision | '';
  municipality: Municipality[];
  placeDetail: string;
  online: boolean;
  onlineLink: string;
  perpetratorDetail: string;
  reporterRole: string;
  grounds: string[];
  domains: string[];
  perpetratorSectors: string[];
  anonymous: boolean;
  name: string;
  email: string;
  phone: string;
  consents: Record<ConsentPurpose, boolean>;
  organisationId: string;
  helpDeskId: string;
  issueReceipt: boolean;
}

export function emptyDraft(organisationId: string): NewCaseDraft {
  return {
    channel: 'phone',
    title: '',
    narrative: '',
    occurredOn: '',
    occurredPrecision: '',
    municipality: [],
    placeDetail: '',
    online: false,
    onlineLink: '',
    perpetratorDetail: '',
    reporterRole: '',
    grounds: [],
    domains: [],
    perpetratorSectors: [],
    anonymous: false,
    name: '',
    email: '',
    phone: '',
    consents: { handling: false, sharing: false, statistics: false, contact: false },
    organisationId,
    helpDeskId: '',
    issueReceipt: false,
  };
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** Mistakes the screen can spot at once; the server checks the rest and names the field. */
export function checkDraft(draft: NewCaseDraft, t: Translate): FieldError[] {
  const problems: FieldError[] = [];
  if (!draft.narrative.trim()) {
    problems.push({ field: 'narrative', message: t('bo.cases.new.narrativeRequired') });
  }
  if (!draft.consents.handling) {
    problems.push({ field: 'consents.handling', message: t('bo.cases.new.handlingRequired') });
  }
  if (draft.occurredOn && !draft.occurredPrecision) {
    problems.push({ field: 'occurredPrecision', message: t('bo.cases.new.precisionRequired') });
  }
  if (!draft.organisationId) {
    problems.push({ field: 'queue.organisationId', message: t('bo.cases.new.queueRequired') });
  }
  return problems;
}

export function toNewCase(draft: NewCaseDraft): NewCase {
  return {
    channel: draft.channel,
    narrative: draft.narrative.trim(),
    title: orNull(draft.title),
    occurredOn: orNull(draft.occurredOn),
    occurredPrecision: draft.occurredOn && draft.occurredPrecision ? draft.occurredPrecision : null,
    municipalityCode: draft.municipality[0]?.code ?? null,
    online: draft.online,
    onlineLink: draft.online ? orNull(draft.onlineLink) : null,
    placeDetail: orNull(draft.placeDetail),
    perpetratorDetail: orNull(draft.perpetratorDetail),
    reporterRole: orNull(draft.reporterRole),
    grounds: draft.grounds,
    domains: draft.domains,
    perpetratorSectors: draft.perpetratorSectors,
    contact: draft.anonymous
      ? null
      : { name: orNull(draft.name), email: orNull(draft.email), phone: orNull(draft.phone) },
    // Anonymous reporters cannot be contacted: the consent is dropped rather than refused.
    consents: { ...draft.consents, contact: draft.anonymous ? false : draft.consents.contact },
    issueReceipt: draft.issueReceipt,
    queue: { organisationId: draft.organisationId, helpDeskId: orNull(draft.helpDeskId) },
  };
}

/** Labels of the fields the server may name, for the error summary's links. */
export function newCaseLabels(t: Translate): Record<string, string> {
  const l = (key: string) => t(`bo.cases.new.field.${key}`);
  return {
    channel: l('channel'),
    title: l('title'),
    narrative: l('narrative'),
    occurredOn: l('occurredOn'),
    occurredPrecision: l('occurredPrecision'),
    municipalityCode: l('municipality'),
    placeDetail: l('placeDetail'),
    onlineLink: l('onlineLink'),
    perpetratorDetail: l('perpetratorDetail'),
    reporterRole: l('reporterRole'),
    grounds: l('grounds'),
    domains: l('domains'),
    perpetratorSectors: l('perpetratorSectors'),
    contact: l('contact'),
    'contact.name': l('name'),
    'contact.email': l('email'),
    'contact.phone': l('phone'),
    'consents.handling': t('bo.cases.consent.handling'),
    'consents.sharing': t('bo.cases.consent.sharing'),
    'consents.statistics': t('bo.cases.consent.statistics'),
    'consents.contact': t('bo.cases.consent.contact'),
    'queue.organisationId': l('organisation'),
    'queue.helpDeskId': l('helpDesk'),
  };
}
