import { createSecretKey, type KeyObject } from 'node:crypto';

const keyObjects = new WeakMap<Buffer, KeyObject>();

/**
 * The KeyObject of a long-lived secret (a master key, the hash key), made once. Node copies a
 * raw Buffer key into a new KeyObject on every cipher or HMAC it creates, which was a third of
 * the cost of sealing a field and most of the cost of a keyed hash.
 */
export function keyObjectOf(key: Buffer): KeyObject {
  let keyObject = keyObjects.get(key);
  if (!keyObject) {
    keyObject = createSecretKey(key);
    keyObjects.set(key, keyObject);
  }
  return keyObject;
}
