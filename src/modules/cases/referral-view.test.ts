import { describe, expect, it } from 'vitest';
import type { CaseDetail } from './case-detail.ts';
import { referralView } from './referral-view.ts';

const detail: CaseDetail = {
  id: 'c1',
  reference: 'SEG-2026-000001',
  access: 'team',
  shares: [],
  title: 'Affitto negato',
  status: 'in_progress',
  source: 'public_form',
  channel: 'web_form',
  organisation: { id: 'o1', name: 'Nodo' },
  helpDesk: { id: 'd1', name: 'Sportello' },
  assignee: { id: 'u1', displayName: 'Operatrice' },
  receivedAt: '2026-11-20T10:00:00.000Z',
  acknowledgeDueOn: '2026-11-24',
  takeInChargeDueOn: '2026-11-27',
  acknowledgedAt: null,
  takenInChargeAt: null,
  finalAt: null,
  retentionUntil: null,
  erasedAt: null,
  overdue: { acknowledge: false, takeInCharge: false },
  occurredOn: '2026-11-01',
  occurredPrecision: 'day',
  municipality: { code: '050026', name: 'Pisa' },
  online: false,
  narrative: 'racconto',
  placeDetail: 'via Roma',
  onlineLink: 'https://example.org/post',
  perpetratorDetail: 'il proprietario',
  reporter: {
    anonymous: false,
    locale: 'it',
    hasReceipt: true,
    contact: { name: 'Nome', email: 'n@example.org', phone: null, preference: null },
  },
  taxonomyVersion: '2026.1',
  classification: {
    grounds: ['anti_black'],
    primaryGround: 'anti_black',
    perceivedGrounds: [],
    associationGrounds: [],
    domains: ['housing'],
    types: [],
    perpetratorKind: null,
    perpetratorSectors: [],
    perpetratorRoles: [],
    reporterRole: 'victim',
    outcome: null,
    intersectional: false,
    classifiedAt: null,
    classifiedBy: null,
  },
  victimProfile: {
    ageBand: '25_34',
    gender: null,
    citizenshipGroup: null,
    migrationBackground: null,
    residenceStatus: null,
  },
  consents: [
    {
      purpose: 'sharing',
      granted: true,
      textVersion: '2026-11',
      recordedAt: '2026-11-20T10:00:00.000Z',
      withdrawnAt: null,
    },
  ],
  events: [
    {
      id: 1,
      kind: 'received',
      at: '2026-11-20T10:00:00.000Z',
      byReporter: true,
      actor: null,
      details: {},
      body: null,
    },
    {
      id: 2,
      kind: 'note',
      at: '2026-11-21T10:00:00.000Z',
      byReporter: false,
      actor: { id: 'u1', displayName: 'Operatrice' },
      details: {},
      body: 'nota',
    },
  ],
  allowedTransitions: ['closed', 'redirected', 'withdrawn'],
  rowVersion: 4,
};

describe('what a referral shows its receiver', () => {
  it('shows identity, state and dates only when nothing is shared', () => {
    const view = referralView(detail, []);
    expect(view).toMatchObject({
      access: 'referral',
      shares: [],
      reference: detail.reference,
      status: 'in_progress',
      narrative: null,
      placeDetail: null,
      onlineLink: null,
      perpetratorDetail: null,
      classification: null,
      victimProfile: null,
      assignee: null,
      consents: [],
      events: [],
      allowedTransitions: [],
    });
    expect(view.reporter.contact).toBeNull();
    expect(view.reporter.hasReceipt).toBe(true);
  });

  it('opens each part with its share, and only that part', () => {
    const narrative = referralView(detail, ['narrative']);
    expect(narrative.narrative).toBe('racconto');
    expect(narrative.perpetratorDetail).toBe('il proprietario');
    expect(narrative.reporter.contact).toBeNull();

    const contact = referralView(detail, ['contact']);
    expect(contact.reporter.contact?.name).toBe('Nome');
    expect(contact.narrative).toBeNull();

    const classification = referralView(detail, ['classification']);
    expect(classification.classification?.grounds).toEqual(['anti_black']);
    expect(classification.victimProfile?.ageBand).toBe('25_34');

    const notes = referralView(detail, ['notes']);
    expect(notes.events.map((event) => event.kind)).toEqual(['note']);
  });

  it('never shows the team’s working parts, whatever is shared', () => {
    const all = referralView(detail, [
      'narrative',
      'contact',
      'documents',
      'classification',
      'notes',
    ]);
    expect(all.assignee).toBeNull();
    expect(all.consents).toEqual([]);
    expect(all.allowedTransitions).toEqual([]);
    expect(all.events.every((event) => event.kind === 'note')).toBe(true);
  });

  it('leaves the team’s view untouched', () => {
    const copy = structuredClone(detail);
    referralView(detail, ['narrative']);
    expect(detail).toEqual(copy);
  });
});
