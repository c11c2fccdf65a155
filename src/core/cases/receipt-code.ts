/**
 * The receipt code a reporter keeps: 16 random decimal digits (≈ 53 bits), shown in groups of
 * four so it can be written down or read over the phone. Only its keyed hash is stored; with
 * guessing rate-limited per address, finding a valid code by chance is out of reach.
 */
import { randomInt } from 'node:crypto';

export const RECEIPT_DIGITS = 16;

export function generateReceiptCode(): string {
  let digits = '';
  for (let index = 0; index < RECEIPT_DIGITS; index += 1) digits += String(randomInt(10));
  return digits;
}

/** "1234 5678 9012 3456" for display. */
export function formatReceiptCode(code: string): string {
  return code.replaceAll(/(\d{4})(?=\d)/g, '$1 ');
}

/**
 * What the reporter typed, reduced to the 16 digits (spaces, dashes and dots dropped), or null
 * when it cannot be a receipt code — refused before any lookup.
 */
export function normaliseReceiptCode(input: string): string | null {
  const digits = input.replaceAll(/[\s.\-–]/g, '');
  return new RegExp(`^\\d{${RECEIPT_DIGITS}}$`).test(digits) ? digits : null;
}
