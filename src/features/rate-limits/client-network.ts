import { isIPv4, isIPv6 } from 'node:net';

function expandIpv6(address: string): string[] | null {
  const [head = '', tail, ...extra] = address.split('::');
  if (extra.length > 0) return null;
  const part = (text: string) => (text === '' ? [] : text.split(':'));
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  return [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right].map((group) => group.toLowerCase().padStart(4, '0'));
}

/**
 * Names the network a client address belongs to, for rate limits: an IPv4 address is its own
 * network; an IPv6 client is keyed by its /64, because one subscriber line usually gets a whole
 * /64 and could otherwise rotate addresses freely. IPv4-mapped IPv6 addresses count as IPv4.
 */
export function clientNetworkOf(address: string): string {
  const plain = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(plain)) return plain;
  if (isIPv6(plain)) {
    const groups = expandIpv6(plain);
    if (groups) return `${groups.slice(0, 4).join(':')}::/64`;
  }
  return plain.slice(0, 64) || 'unknown';
}
