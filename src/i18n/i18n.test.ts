import { describe, expect, it } from 'vitest';
import { messageKeys, negotiateLocale, translate } from './i18n.ts';

describe('i18n', () => {
  it('has every Italian message in English and nothing extra', () => {
    expect(new Set(messageKeys('en'))).toEqual(new Set(messageKeys('it')));
  });

  it('formats ICU plurals in both languages', () => {
    expect(translate('it', 'error.too_many_attempts', { minutes: 1 })).toContain('1 minuto');
    expect(translate('en', 'error.too_many_attempts', { minutes: 15 })).toContain('15 minutes');
  });

  it('picks the preferred supported language from Accept-Language', () => {
    expect(negotiateLocale('de-DE,de;q=0.9,en;q=0.8')).toBe('en');
    expect(negotiateLocale('en;q=0.5,it;q=0.9')).toBe('it');
    expect(negotiateLocale('fr')).toBe('it');
    expect(negotiateLocale(undefined)).toBe('it');
    expect(negotiateLocale('en;q=abc')).toBe('it');
  });
});
