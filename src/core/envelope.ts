import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Envelope encryption of personal fields: each value gets its own random data key (AES-256-GCM),
 * and the data key is wrapped by a versioned master key. The context (table, column, row id) is
 * authenticated with both, so a ciphertext copied into another row or column fails to decrypt.
 *
 * Stored form: `env1:<master key version>:<wrapped data key>:<payload>`, each part base64url of
 * iv (12 bytes) + tag (16 bytes) + ciphertext.
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

function contextBytes(context: FieldContext): Buffer {
  return Buffer.from(`${context.table}\u0000${context.column}\u0000${context.rowId}`, 'utf8');
}

function seal(key: Buffer, plaintext: Buffer, aad: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

function open(key: Buffer, sealed: string, aad: Buffer): Buffer {
  const bytes = Buffer.from(sealed, 'base64url');
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

export function encryptField(keys: MasterKeys, context: FieldContext, plaintext: string): string {
  const masterKey = keys.keys.get(keys.current);
  if (!masterKey) throw new DecryptionError(`no master key ${keys.current}`);
  const aad = contextBytes(context);
  const dataKey = randomBytes(32);
  const wrapped = seal(masterKey, dataKey, Buffer.concat([Buffer.from(keys.current), aad]));
  const payload = seal(dataKey, Buffer.from(plaintext, 'utf8'), aad);
  return `${FORMAT}:${keys.current}:${wrapped}:${payload}`;
}

export function decryptField(keys: MasterKeys, context: FieldContext, stored: string): string {
  const [format, version, wrapped, payload] = stored.split(':');
  if (format !== FORMAT || !version || !wrapped || !payload) {
    throw new DecryptionError('not an encrypted field');
  }
  const masterKey = keys.keys.get(version);
  if (!masterKey) throw new DecryptionError(`master key ${version} is not configured`);
  const aad = contextBytes(context);
  const dataKey = open(masterKey, wrapped, Buffer.concat([Buffer.from(version), aad]));
  return open(dataKey, payload, aad).toString('utf8');
}

/** The master key version a stored value was wrapped with (to find rows needing re-wrapping). */
export function masterKeyVersionOf(stored: string): string | undefined {
  return stored.startsWith(`${FORMAT}:`) ? stored.split(':')[1] : undefined;
}
