import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { keyObjectOf } from './key-objects.ts';

/**
 * Envelope encryption of personal fields: a random data key (AES-256-GCM) wrapped by a
 * versioned master key. The context (table, column, row id) is authenticated with both, so a
 * ciphertext copied into another row or column fails to decrypt.
 *
 * Stored form of text: `env1:<master key version>:<wrapped data key>:<payload>`, each part
 * base64url of iv (12 bytes) + tag (16 bytes) + ciphertext; bytes (files) use the same parts in a
 * binary layout (`encryptBytes`). `env1` has a data key per value; `env2` (`recordSealer`) one
 * data key per record, wrapped once for the table and row, each value still bound to its column
 * by its own authenticated context.
 */
export interface MasterKeys {
  current: string;
  keys: Map<string, Buffer>;
}

export interface FieldContext {
  table: string;
  column: string;
  rowId: string;
}

export class DecryptionError extends Error {}

const FORMAT = 'env1';
const RECORD_FORMAT = 'env2';

function contextBytes(context: FieldContext): Buffer {
  return Buffer.from(`${context.table}\u0000${context.column}\u0000${context.rowId}`, 'utf8');
}

function seal(key: Buffer | KeyObject, plaintext: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

function open(key: Buffer | KeyObject, bytes: Buffer, aad: Buffer): Buffer {
  if (bytes.length < 28) throw new DecryptionError('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(aad);
  decipher.setAuthTag(bytes.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
  } catch (error) {
    throw new DecryptionError('ciphertext does not authenticate', { cause: error });
  }
}

/** The three parts of an envelope, whatever form (text or bytes) stores them. */
interface Envelope {
  version: string;
  wrapped: Buffer;
  payload: Buffer;
}

function sealEnvelope(keys: MasterKeys, context: FieldContext, plaintext: Buffer): Envelope {
  const masterKey = keys.keys.get(keys.current);
  if (!masterKey) throw new DecryptionError(`no master key ${keys.current}`);
  const aad = contextBytes(context);
  const dataKey = randomBytes(32);
  const wrapped = seal(
    keyObjectOf(masterKey),
    dataKey,
    Buffer.concat([Buffer.from(keys.current), aad]),
  );
  return { version: keys.current, wrapped, payload: seal(dataKey, plaintext, aad) };
}

function openEnvelope(
  keys: MasterKeys,
  context: FieldContext,
  envelope: Envelope,
  wrappedFor: 'field' | 'record' = 'field',
): Buffer {
  const masterKey = keys.keys.get(envelope.version);
  if (!masterKey) throw new DecryptionError(`master key ${envelope.version} is not configured`);
  const aad = contextBytes(context);
  const versionAad =
    wrappedFor === 'field'
      ? Buffer.concat([Buffer.from(envelope.version), aad])
      : recordWrapAad(envelope.version, context.table, context.rowId);
  const dataKey = open(keyObjectOf(masterKey), envelope.wrapped, versionAad);
  return open(dataKey, envelope.payload, aad);
}

/** What a record's data key is wrapped for: the format, the key version, the table and row. */
function recordWrapAad(version: string, table: string, rowId: string): Buffer {
  return Buffer.from(`${RECORD_FORMAT}\u0000${version}\u0000${table}\u0000${rowId}`, 'utf8');
}

/**
 * Seals the fields of one record with one data key, wrapped once: what intake does for the five
 * personal fields of a case, at a fifth of the wrapping. Each value is still bound to its table,
 * column and row.
 */
export function recordSealer(
  keys: MasterKeys,
  table: string,
  rowId: string,
): (column: string, plaintext: string) => string {
  const masterKey = keys.keys.get(keys.current);
  if (!masterKey) throw new DecryptionError(`no master key ${keys.current}`);
  let prefix: string | undefined;
  let dataKey: KeyObject | undefined;
  return (column, plaintext) => {
    if (!dataKey || !prefix) {
      const dataKeyBytes = randomBytes(32);
      const wrapped = seal(
        keyObjectOf(masterKey),
        dataKeyBytes,
        recordWrapAad(keys.current, table, rowId),
      );
      dataKey = createSecretKey(dataKeyBytes);
      prefix = `${RECORD_FORMAT}:${keys.current}:${wrapped.toString('base64url')}:`;
    }
    const aad = contextBytes({ table, column, rowId });
    return prefix + seal(dataKey, Buffer.from(plaintext, 'utf8'), aad).toString('base64url');
  };
}

export function encryptField(keys: MasterKeys, context: FieldContext, plaintext: string): string {
  const { version, wrapped, payload } = sealEnvelope(keys, context, Buffer.from(plaintext, 'utf8'));
  return `${FORMAT}:${version}:${wrapped.toString('base64url')}:${payload.toString('base64url')}`;
}

export function decryptField(keys: MasterKeys, context: FieldContext, stored: string): string {
  const [format, version, wrapped, payload] = stored.split(':');
  if ((format !== FORMAT && format !== RECORD_FORMAT) || !version || !wrapped || !payload) {
    throw new DecryptionError('not an encrypted field');
  }
  const envelope = {
    version,
    wrapped: Buffer.from(wrapped, 'base64url'),
    payload: Buffer.from(payload, 'base64url'),
  };
  const wrappedFor = format === FORMAT ? 'field' : 'record';
  return openEnvelope(keys, context, envelope, wrappedFor).toString('utf8');
}

/**
 * Binary form for file contents (no base64 growth): `env1` + one byte with the length of the
 * master key version + the version + the wrapped data key (60 bytes: iv, tag, 32-byte key) +
 * the payload (iv, tag, ciphertext).
 */
const BYTES_MAGIC = Buffer.from(FORMAT, 'ascii');
const WRAPPED_LENGTH = 12 + 16 + 32;

export function encryptBytes(keys: MasterKeys, context: FieldContext, plaintext: Buffer): Buffer {
  const { version, wrapped, payload } = sealEnvelope(keys, context, plaintext);
  const versionBytes = Buffer.from(version, 'utf8');
  if (versionBytes.length > 255) throw new DecryptionError('master key version too long');
  return Buffer.concat([
    BYTES_MAGIC,
    Buffer.from([versionBytes.length]),
    versionBytes,
    wrapped,
    payload,
  ]);
}

function envelopeOfBytes(stored: Buffer): Envelope {
  const start = BYTES_MAGIC.length;
  if (stored.length <= start || !stored.subarray(0, start).equals(BYTES_MAGIC)) {
    throw new DecryptionError('not encrypted bytes');
  }
  const versionEnd = start + 1 + stored[start]!;
  const wrappedEnd = versionEnd + WRAPPED_LENGTH;
  if (stored[start] === 0 || stored.length < wrappedEnd) {
    throw new DecryptionError('ciphertext too short');
  }
  return {
    version: stored.subarray(start + 1, versionEnd).toString('utf8'),
    wrapped: stored.subarray(versionEnd, wrappedEnd),
    payload: stored.subarray(wrappedEnd),
  };
}

export function decryptBytes(keys: MasterKeys, context: FieldContext, stored: Buffer): Buffer {
  return openEnvelope(keys, context, envelopeOfBytes(stored));
}

/** The master key version bytes were wrapped with (to find rows needing re-wrapping). */
export function masterKeyVersionOfBytes(stored: Buffer): string | undefined {
  try {
    return envelopeOfBytes(stored).version;
  } catch {
    return undefined;
  }
}

/** The master key version a stored value was wrapped with (to find rows needing re-wrapping). */
export function masterKeyVersionOf(stored: string): string | undefined {
  return stored.startsWith(`${FORMAT}:`) || stored.startsWith(`${RECORD_FORMAT}:`)
    ? stored.split(':')[1]
    : undefined;
}
