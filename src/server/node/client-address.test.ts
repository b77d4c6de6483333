import { describe, expect, it } from 'vitest';
import { addressKey, clientAddressResolver, parseTrustProxy } from './client-address';

describe('TRUST_PROXY', () => {
  it('is off by default and reads a hop count or a list of proxies', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
  });

  it('refuses "true" and addresses it cannot read', () => {
    expect(() => parseTrustProxy('true')).toThrow(/number of proxies/);
    expect(() => parseTrustProxy('10.0.0.0/99')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy('proxy.example.com')).toThrow(/TRUST_PROXY/);
  });
});

describe('the client address sign-ins are counted under', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddressResolver(false)('203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
    expect(clientAddressResolver(false)(undefined, '198.51.100.1')).toBe('unknown');
  });

  it('with N trusted hops, is the address the Nth proxy saw, not what the client wrote further left', () => {
    const oneHop = clientAddressResolver(1);
    expect(oneHop('10.0.0.2', '198.51.100.7')).toBe('198.51.100.7');
    expect(oneHop('10.0.0.2', 'spoofed-by-client, 198.51.100.7')).toBe('198.51.100.7');
    expect(clientAddressResolver(2)('10.0.0.2', '1.2.3.4, 198.51.100.7, 10.0.0.3')).toBe('198.51.100.7');
    expect(oneHop('10.0.0.2', undefined)).toBe('10.0.0.2');
  });

  it('with a list, skips the trusted proxies from the right and stops at the first other address', () => {
    const resolve = clientAddressResolver(parseTrustProxy('loopback,10.0.0.0/8'));
    expect(resolve('127.0.0.1', '1.2.3.4, 198.51.100.7, 10.1.2.3')).toBe('198.51.100.7');
    expect(resolve('203.0.113.9', '198.51.100.7')).toBe('203.0.113.9');
  });

  it('keys IPv6 clients by their /64 and IPv4-mapped ones as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb::9')).toBe(addressKey('2001:db8:1:2:aaaa::1'));
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
  });
});
