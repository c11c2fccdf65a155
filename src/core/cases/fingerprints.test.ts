import { describe, expect, it } from 'vitest';
import { narrativeFingerprint, normaliseEmail, normalisePhone } from './fingerprints.ts';

describe('duplicate fingerprints', () => {
  it('normalises e-mail addresses and refuses what is not one', () => {
    expect(normaliseEmail('  Mario.Rossi@Example.ORG ')).toBe('mario.rossi@example.org');
    expect(normaliseEmail('not an address')).toBeNull();
    expect(normaliseEmail('a@b')).toBeNull();
  });

  it('reduces Italian phone numbers to the same digits however typed', () => {
    const forms = ['+39 333 123 4567', '0039 333.123.4567', '333-1234567', '(333) 123 45 67'];
    for (const form of forms) expect(normalisePhone(form)).toBe('3331234567');
    expect(normalisePhone('12345')).toBeNull();
    // A short number starting with 39 keeps its digits: only a country code is dropped.
    expect(normalisePhone('391234')).toBe('391234');
  });

  it('folds case, accents and punctuation of a narrative', () => {
    const a =
      'Il proprietario, quando ha sentito il mio accento, ha detto che la casa non era più disponibile!';
    const b =
      'il PROPRIETARIO quando ha sentito il mio accento ha detto che la casa non era piu disponibile';
    expect(narrativeFingerprint(a)).not.toBeNull();
    expect(narrativeFingerprint(a)).toBe(narrativeFingerprint(b));
  });

  it('ignores short narratives, too common to suggest a duplicate', () => {
    expect(narrativeFingerprint('Mi hanno insultato sul bus')).toBeNull();
  });
});
