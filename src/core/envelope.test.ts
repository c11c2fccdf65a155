import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptBytes,
  decryptField,
  DecryptionError,
  encryptBytes,
  encryptField,
  masterKeyVersionOf,
  masterKeyVersionOfBytes,
  recordSealer,
} from './envelope.ts';

const keys = { current: 'v1', keys: new Map([['v1', randomBytes(32)]]) };
const context = { table: 'cases', column: 'narrative', rowId: 'a1' };

describe('envelope encryption', () => {
  it('round-trips text, including non-Latin scripts', () => {
    const text = 'Mi hanno rifiutato l’affitto — رفضوا تأجيري — 他们拒绝了';
    const sealed = encryptField(keys, context, text);
    expect(sealed).not.toContain('affitto');
    expect(decryptField(keys, context, sealed)).toBe(text);
  });

  it('uses a fresh data key each time', () => {
    expect(encryptField(keys, context, 'x')).not.toBe(encryptField(keys, context, 'x'));
  });

  it('refuses a value moved to another row, column or table', () => {
    const sealed = encryptField(keys, context, 'secret');
    for (const other of [
      { ...context, rowId: 'a2' },
      { ...context, column: 'title' },
      { ...context, table: 'reports' },
    ]) {
      expect(() => decryptField(keys, other, sealed)).toThrow(DecryptionError);
    }
  });

  it('seals the fields of a record with one wrapped key, each still bound to its column and row', () => {
    const seal = recordSealer(keys, 'cases', 'a1');
    const narrative = seal('narrative', 'Mi hanno rifiutato l’affitto');
    const place = seal('place', 'Agenzia in via Roma');
    expect(narrative.split(':')[2]).toBe(place.split(':')[2]);
    expect(masterKeyVersionOf(narrative)).toBe('v1');
    expect(
      decryptField(keys, { table: 'cases', column: 'narrative', rowId: 'a1' }, narrative),
    ).toBe('Mi hanno rifiutato l’affitto');
    expect(decryptField(keys, { table: 'cases', column: 'place', rowId: 'a1' }, place)).toBe(
      'Agenzia in via Roma',
    );
    for (const other of [
      { table: 'cases', column: 'place', rowId: 'a1' },
      { table: 'cases', column: 'narrative', rowId: 'a2' },
      { table: 'reports', column: 'narrative', rowId: 'a1' },
    ]) {
      expect(() => decryptField(keys, other, narrative)).toThrow(DecryptionError);
    }
    // Passing a record-wrapped value off as a field-wrapped one does not decrypt either.
    expect(() =>
      decryptField(
        keys,
        { table: 'cases', column: 'narrative', rowId: 'a1' },
        narrative.replace('env2', 'env1'),
      ),
    ).toThrow(DecryptionError);
    expect(recordSealer(keys, 'cases', 'a1')('narrative', 'x')).not.toBe(seal('narrative', 'x'));
  });

  it('detects tampering with either layer', () => {
    const sealed = encryptField(keys, context, 'secret');
    const parts = sealed.split(':');
    for (const index of [2, 3]) {
      const bytes = Buffer.from(parts[index]!, 'base64url');
      bytes[bytes.length - 1]! ^= 1;
      const tampered = [...parts];
      tampered[index] = bytes.toString('base64url');
      expect(() => decryptField(keys, context, tampered.join(':'))).toThrow(DecryptionError);
    }
  });

  it('keeps reading values wrapped by an older master key after rotation', () => {
    const sealed = encryptField(keys, context, 'before rotation');
    const rotated = {
      current: 'v2',
      keys: new Map([...keys.keys, ['v2', randomBytes(32)]]),
    };
    expect(masterKeyVersionOf(sealed)).toBe('v1');
    expect(decryptField(rotated, context, sealed)).toBe('before rotation');
    expect(masterKeyVersionOf(encryptField(rotated, context, 'after'))).toBe('v2');
    expect(() => decryptField({ current: 'v2', keys: new Map() }, context, sealed)).toThrow(
      /not configured/,
    );
  });
});

describe('envelope encryption of bytes', () => {
  const fileContext = { table: 'stored_files', column: 'content', rowId: 'f1' };
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7 marker-ROSSI '), randomBytes(4096)]);

  it('round-trips bytes without growing them by more than the envelope', () => {
    const sealed = encryptBytes(keys, fileContext, bytes);
    expect(sealed.includes(Buffer.from('marker-ROSSI'))).toBe(false);
    expect(sealed.length - bytes.length).toBeLessThan(4 + 1 + 2 + 60 + 28 + 1);
    expect(decryptBytes(keys, fileContext, sealed).equals(bytes)).toBe(true);
    expect(
      decryptBytes(keys, fileContext, encryptBytes(keys, fileContext, Buffer.alloc(0))),
    ).toEqual(Buffer.alloc(0));
  });

  it('refuses bytes moved to another row and detects tampering', () => {
    const sealed = encryptBytes(keys, fileContext, bytes);
    expect(() => decryptBytes(keys, { ...fileContext, rowId: 'f2' }, sealed)).toThrow(
      DecryptionError,
    );
    for (const index of [10, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[index]! ^= 1;
      expect(() => decryptBytes(keys, fileContext, tampered)).toThrow(DecryptionError);
    }
    for (const garbage of [Buffer.alloc(0), Buffer.from('env1'), bytes]) {
      expect(() => decryptBytes(keys, fileContext, garbage)).toThrow(DecryptionError);
    }
  });

  it('reads bytes wrapped by an older master key after rotation', () => {
    const sealed = encryptBytes(keys, fileContext, bytes);
    const rotated = { current: 'v2', keys: new Map([...keys.keys, ['v2', randomBytes(32)]]) };
    expect(masterKeyVersionOfBytes(sealed)).toBe('v1');
    expect(decryptBytes(rotated, fileContext, sealed).equals(bytes)).toBe(true);
    expect(masterKeyVersionOfBytes(encryptBytes(rotated, fileContext, bytes))).toBe('v2');
    expect(masterKeyVersionOfBytes(Buffer.from('plain'))).toBeUndefined();
  });
});
