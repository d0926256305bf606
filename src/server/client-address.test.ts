import { describe, expect, it } from 'vitest';
import { createClientAddressResolver } from './client-address.ts';

describe('the client address', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    const resolve = createClientAddressResolver([]);
    expect(resolve('203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
    expect(resolve('::ffff:203.0.113.9', undefined)).toBe('203.0.113.9');
  });

  it('is the forwarded client when the peer is a trusted proxy', () => {
    const resolve = createClientAddressResolver(['127.0.0.1', '10.0.0.0/8']);
    expect(resolve('127.0.0.1', '198.51.100.1')).toBe('198.51.100.1');
    expect(resolve('::ffff:10.1.2.3', '198.51.100.1, 10.0.0.5')).toBe('198.51.100.1');
  });

  it('ignores addresses a client put in front of the header itself', () => {
    const resolve = createClientAddressResolver(['127.0.0.1']);
    expect(resolve('127.0.0.1', '1.1.1.1, 198.51.100.1')).toBe('198.51.100.1');
  });

  it('is the peer when the header comes from an untrusted peer or holds garbage', () => {
    const resolve = createClientAddressResolver(['127.0.0.1']);
    expect(resolve('203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
    expect(resolve('127.0.0.1', 'not-an-address')).toBe('127.0.0.1');
  });
});
