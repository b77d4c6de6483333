import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

/**
 * Which X-Forwarded-For entries to believe (TRUST_PROXY): none (the default: the socket address is
 * the client), the nearest N proxy hops, or the proxies at these addresses and ranges.
 */
export type TrustProxy = false | number | string[];

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const setting = value?.trim() ?? '';
  if (setting === '' || setting === 'false' || setting === '0') return false;
  if (/^\d+$/.test(setting)) return Number(setting);
  if (setting === 'true') {
    // "Trust everything" would take the client's address from a header the client itself writes.
    throw new Error('TRUST_PROXY=true would believe any X-Forwarded-For a client sends: give the number of proxies in front of Switchboard (e.g. 1) or their addresses');
  }
  const list = setting.split(',').map((entry) => entry.trim()).filter(Boolean);
  try {
    proxyaddr.compile(list);
  } catch (error) {
    throw new Error(`TRUST_PROXY must be a number of proxy hops or a comma-separated list of addresses, ranges (CIDR) or loopback/linklocal/uniquelocal: ${(error as Error).message}`);
  }
  return list;
}

/** The address to count sign-in attempts under, from the socket address and X-Forwarded-For. */
export function clientAddressResolver(trust: TrustProxy): (socketAddress: string | undefined, forwardedFor: string | undefined) => string {
  const trusts = trust === false ? null : typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : proxyaddr.compile(trust);
  return (socketAddress, forwardedFor) => {
    if (!socketAddress) return 'unknown';
    if (!trusts) return addressKey(socketAddress);
    const request = { socket: { remoteAddress: socketAddress }, headers: { 'x-forwarded-for': forwardedFor } } as unknown as IncomingMessage;
    return addressKey(proxyaddr(request, trusts));
  };
}

/**
 * IPv4 addresses as they are (also when IPv4-mapped); IPv6 ones by their /64 network, since one
 * host usually has a whole /64 to pick addresses from and would otherwise get a fresh count each.
 */
export function addressKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  return `${(parsed as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16)).join(':')}::/64`;
}
