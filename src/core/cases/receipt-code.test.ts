import { describe, expect, it } from 'vitest';
import {
  formatReceiptCode,
  generateReceiptCode,
  normaliseReceiptCode,
  RECEIPT_DIGITS,
} from './receipt-code.ts';

describe('receipt codes', () => {
  it('are 16 random digits', () => {
    const codes = Array.from({ length: 200 }, generateReceiptCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^\\d{${RECEIPT_DIGITS}}$`));
    expect(new Set(codes).size).toBe(codes.length);
    // Every digit appears in every position over many codes (no fixed prefix or checksum).
    const firstDigits = new Set(Array.from({ length: 500 }, () => generateReceiptCode()[0]));
    expect(firstDigits.size).toBe(10);
  });

  it('are shown in groups of four', () => {
    expect(formatReceiptCode('1234567890123456')).toBe('1234 5678 9012 3456');
  });

  it('are read back whatever the separators typed', () => {
    for (const typed of [
      '1234 5678 9012 3456',
      '1234-5678-9012-3456',
      '1234.5678.9012.3456',
      ' 1234567890123456 ',
      '1234–5678 9012\t3456',
    ]) {
      expect(normaliseReceiptCode(typed)).toBe('1234567890123456');
    }
  });

  it('refuse anything that cannot be a code before any lookup', () => {
    for (const typed of [
      '',
      '123456789012345',
      '12345678901234567',
      '1234 5678 9012 345a',
      '１２３４５６７８９０１２３４５６',
      'DROP TABLE',
    ]) {
      expect(normaliseReceiptCode(typed)).toBeNull();
    }
  });
});
