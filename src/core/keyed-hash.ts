import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { keyObjectOf } from './key-objects.ts';

/**
 * Keyed hash of a secret or an identifier for one purpose. The purpose is part of the input so
 * the same value hashed for two purposes (a session id and a CSRF token) never collides.
 */
export function keyedHash(key: Buffer, purpose: string, value: string): string {
  return createHmac('sha256', keyObjectOf(key))
    .update(purpose)
    .update('\u0000')
    .update(value)
    .digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
