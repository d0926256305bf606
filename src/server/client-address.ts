import { BlockList, isIP } from 'node:net';

/** Decides who a request comes from: the socket's peer, or the client a trusted proxy forwarded for. */
export type ClientAddressResolver = (socketAddress: string | undefined, forwardedFor: string | string[] | undefined) => string;

const unmapped = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

function blockListOf(proxies: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of proxies) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

// At most this many X-Forwarded-For hops are looked at, so a forged long header costs nothing.
const MAX_HOPS = 20;

/**
 * Creates the resolver for the configured proxies (TRUST_PROXY). Without proxies the header is
 * ignored: anyone can send it. Behind proxies, the client is the right-most forwarded address that
 * is not itself a trusted proxy, because each proxy appends the peer it saw.
 */
export function createClientAddressResolver(trustedProxies: readonly string[]): ClientAddressResolver {
  const trusted = blockListOf(trustedProxies);
  const isTrusted = (address: string) => {
    const family = isIP(address);
    return family !== 0 && trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
  return (socketAddress, forwardedFor) => {
    const peer = unmapped(socketAddress ?? 'unknown');
    if (trustedProxies.length === 0 || !isTrusted(peer) || forwardedFor === undefined) return peer;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',')
      .slice(-MAX_HOPS)
      .map((hop) => unmapped(hop.trim()));
    for (let index = hops.length - 1; index >= 0; index -= 1) {
      const hop = hops[index] ?? '';
      if (isIP(hop) === 0) return peer;
      if (!isTrusted(hop)) return hop;
    }
    return hops[0] ?? peer;
  };
}
