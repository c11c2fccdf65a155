import { describe, expect, it } from 'vitest';
import { throttleAddress } from './address-key.ts';

describe('throttleAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:CB00:7107', '203.0.113.7'],
    ['2001:db8:abcd:12:1:2:3:4', '2001:db8:abcd:12::/64'],
    ['2001:0DB8:ABCD:0012:ffff:ffff:ffff:ffff', '2001:db8:abcd:12::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['2001:db8:1:2::10.0.0.1', '2001:db8:1:2::/64'],
    ['unknown', 'unknown'],
    ['', ''],
  ])('%s → %s', (address, expected) => {
    expect(throttleAddress(address)).toBe(expected);
  });

  it('puts every address of one /64 under one key and neighbouring /64s under different ones', () => {
    expect(throttleAddress('2001:db8:1:2::a')).toBe(throttleAddress('2001:db8:1:2:ffff::b'));
    expect(throttleAddress('2001:db8:1:2::a')).not.toBe(throttleAddress('2001:db8:1:3::a'));
  });

  it('cuts IPv6 to the /48 a provider assigns to one site when asked, and keeps IPv4 whole', () => {
    expect(throttleAddress('2001:db8:1:2::a', 48)).toBe('2001:db8:1::/48');
    expect(throttleAddress('2001:db8:1:ffff::b', 48)).toBe(throttleAddress('2001:db8:1:2::a', 48));
    expect(throttleAddress('2001:db8:2:2::a', 48)).not.toBe(throttleAddress('2001:db8:1:2::a', 48));
    expect(throttleAddress('203.0.113.7', 48)).toBe('203.0.113.7');
  });
});
