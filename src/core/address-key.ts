import { isIPv4, isIPv6 } from 'node:net';

/**
 * The part of a client address that throttling counts against. An IPv6 subscriber usually
 * gets a whole /64 and can rotate through it at will, so counting full addresses would give an
 * attacker billions of fresh budgets: IPv6 is cut to its /64 prefix. IPv4 (also when written
 * as IPv4-mapped IPv6) stays whole. Anything that is not an address is returned unchanged.
 * `ipv6Prefix` 48 gives the whole site a provider assigns to one customer (65,536 /64s), for a
 * wider limit on top of the /64 one.
 */
export function throttleAddress(address: string, ipv6Prefix: 48 | 64 = 64): string {
  const trimmed = address.trim();
  if (isIPv4(trimmed)) return trimmed;
  // A zone index (fe80::1%eth0) names a local interface, not a different client.
  const bare = trimmed.split('%')[0] ?? trimmed;
  if (!isIPv6(bare)) return address;
  const groups = ipv6Groups(bare.toLowerCase());
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const high = groups[6] ?? 0;
    const low = groups[7] ?? 0;
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, ipv6Prefix / 16)
    .map((group) => group.toString(16))
    .join(':')}::/${ipv6Prefix}`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted tail converted). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  if (tail === undefined) return left;
  const right = parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}
