import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  canWithdraw,
  checkConsentChoices,
  consentForMove,
  consentPurposes,
  CURRENT_CONSENT_VERSION,
  hasConsent,
  type ConsentChoices,
  type ConsentRecord,
} from './consent.ts';

const choices = (granted: Partial<ConsentChoices>): ConsentChoices => ({
  handling: false,
  sharing: false,
  statistics: false,
  contact: false,
  ...granted,
});

describe('consent choices in the report form', () => {
  it('requires handling, the reason the report exists', () => {
    expect(checkConsentChoices(choices({}), false)).toEqual([
      { field: 'handling', problem: 'handling_required' },
    ]);
    expect(checkConsentChoices(choices({ handling: true }), false)).toEqual([]);
    expect(
      checkConsentChoices(choices({ handling: true, sharing: true, statistics: true }), false),
    ).toEqual([]);
  });

  it('refuses contact consent without any way to be contacted', () => {
    expect(checkConsentChoices(choices({ handling: true, contact: true }), false)).toEqual([
      { field: 'contact', problem: 'contact_needs_a_channel' },
    ]);
    expect(checkConsentChoices(choices({ handling: true, contact: true }), true)).toEqual([]);
    expect(checkConsentChoices(choices({ contact: true }), false)).toHaveLength(2);
  });
});

describe('consent records', () => {
  const record = (
    purpose: ConsentRecord['purpose'],
    granted: boolean,
    withdrawnAt: Date | null = null,
  ): ConsentRecord => ({
    purpose,
    granted,
    textVersion: CURRENT_CONSENT_VERSION,
    withdrawnAt,
  });

  it('are in force when granted and not withdrawn', () => {
    const records = [
      record('handling', true),
      record('sharing', true, new Date()),
      record('statistics', false),
    ];
    expect(hasConsent(records, 'handling')).toBe(true);
    expect(hasConsent(records, 'sharing')).toBe(false);
    expect(hasConsent(records, 'statistics')).toBe(false);
    expect(hasConsent(records, 'contact')).toBe(false);
  });

  it('can be withdrawn one by one, except handling (that is withdrawing the report)', () => {
    expect(consentPurposes.filter(canWithdraw)).toEqual(['sharing', 'statistics', 'contact']);
  });
});

describe('consent texts', () => {
  it('exist for the current version in Italian and English, so the recorded version names them', () => {
    for (const locale of ['it', 'en']) {
      const path = join(import.meta.dirname, '../../i18n/messages', locale, 'public-report.json');
      const messages = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
      for (const purpose of consentPurposes) {
        for (const part of ['label', 'text']) {
          expect(
            messages[`consent.${CURRENT_CONSENT_VERSION}.${purpose}.${part}`],
            `${locale} ${purpose} ${part}`,
          ).toBeTruthy();
        }
      }
    }
  });
});

describe('the consent a move to another queue needs', () => {
  const move = (flags: Partial<Parameters<typeof consentForMove>[0]>) => ({
    sameOrganisation: false,
    fromCoordination: false,
    toCoordination: false,
    competentDesk: false,
    ...flags,
  });
  it.each([
    [{ sameOrganisation: true }, 'handling'],
    [{ fromCoordination: true }, 'handling'],
    [{ toCoordination: true }, 'handling'],
    [{ competentDesk: true }, 'handling'],
    [{}, 'sharing'],
  ] as const)('%o needs %s', (flags, purpose) => {
    expect(consentForMove(move(flags))).toBe(purpose);
  });
});
