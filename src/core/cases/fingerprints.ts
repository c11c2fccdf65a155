/**
 * Normal forms of what identifies a reporter or a story, so that the same person or the same
 * account reported to two desks yields the same keyed hash however it was typed. Only the
 * hashes are stored (the case row's `*_fingerprint` columns); they reveal nothing without the key and the value.
 */
import { toSearchName } from '../search-name.ts';

export function normaliseEmail(email: string): string | null {
  const value = email.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value : null;
}

/** Digits only, Italian country code dropped, so "+39 333 123 4567" = "3331234567". */
export function normalisePhone(phone: string): string | null {
  let digits = phone.replaceAll(/\D/g, '');
  if (digits.startsWith('0039')) digits = digits.slice(4);
  else if (digits.startsWith('39') && digits.length > 10) digits = digits.slice(2);
  return digits.length >= 6 ? digits : null;
}

/**
 * A narrative's fingerprint: its words, folded (case, accents, punctuation), in order. The same
 * text pasted into two forms matches; a retelling in other words does not, which is intended:
 * a person decides whether two stories are one.
 */
export function narrativeFingerprint(narrative: string): string | null {
  const words = toSearchName(narrative)
    .replaceAll(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  // Short texts ("mi hanno insultato") are too common to say anything about a duplicate.
  return words.split(' ').length >= 12 ? words : null;
}
