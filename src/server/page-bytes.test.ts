import { describe, expect, it } from 'vitest';
import { encodeBodyFor } from '../features/render-cache/content-coding.ts';
import { etagOf } from '../features/render-cache/render-cache.ts';
import { encodePageHere, utf8BytesOf, withUtf8Bytes } from './page-bytes.ts';

// First in the file: the reused buffer is sized for the first page, whose bytes then fill it exactly.
describe('a page whose bytes fill the reused buffer exactly', () => {
  it('still gets a copy of its own', () => {
    const page = '語'.repeat(1000);
    const bytes = utf8BytesOf(page);
    const next = utf8BytesOf('x'.repeat(500));
    expect(bytes.toString('utf8')).toBe(page);
    expect(next.toString('utf8')).toBe('x'.repeat(500));
  });
});

describe('bytes lent for the time of one call', () => {
  it('are the page in UTF-8, in a buffer the next page reuses', () => {
    const first = withUtf8Bytes(['<p>', 'é', '</p>'], (bytes) => ({ text: bytes.toString('utf8'), buffer: bytes.buffer }));
    const second = withUtf8Bytes('<p>x</p>', (bytes) => ({ text: bytes.toString('utf8'), buffer: bytes.buffer }));
    expect(first.text).toBe('<p>é</p>');
    expect(second.text).toBe('<p>x</p>');
    expect(second.buffer).toBe(first.buffer);
  });
});

describe('a page given in parts', () => {
  const parts = ['<p>Your score as Nurse’s aide</p>', '<select>', '…'.repeat(70_000), '<option value="a:1">“x” · y</option>', '', '</select>'];
  const joined = parts.join('');

  it('encodes to the bytes of the joined page', () => {
    const bytes = utf8BytesOf(parts);
    expect(bytes.equals(Buffer.from(joined, 'utf8'))).toBe(true);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  });

  it('encodes a page given whole as Buffer.from does', () => {
    expect(utf8BytesOf(joined).equals(Buffer.from(joined, 'utf8'))).toBe(true);
  });

  it('encodes characters outside the basic plane, and a lone surrogate as Buffer.from does', () => {
    const odd = ['🧑‍⚕️ nurse', '\ud83d', 'x', '\udc69 end'];
    expect(utf8BytesOf(odd).equals(Buffer.from(odd.join(''), 'utf8'))).toBe(true);
  });

  it('encodes a page too large for the reused buffer by counting first, with the same bytes', () => {
    const large = ['“', 'a'.repeat(2_000_000), '”'];
    const bytes = utf8BytesOf(large);
    expect(bytes.equals(Buffer.from(large.join(''), 'utf8'))).toBe(true);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    // The next page is unaffected by what the previous one left in the reused buffer.
    expect(utf8BytesOf(['ab']).toString('utf8')).toBe('ab');
  });
});

describe('a small page', () => {
  it('gets a buffer of its own exact size, not a slice of a shared pool', () => {
    const bytes = utf8BytesOf(['<p>', 'hi', '</p>']);
    expect(bytes.toString('utf8')).toBe('<p>hi</p>');
    expect(bytes.buffer.byteLength).toBe(9);
  });
});

describe('a page encoded for one reader on the calling thread', () => {
  const page = ['<main>', '<p>Registered Nurses · “RN” → 69.5</p>'.repeat(200), '</main>'];
  const bytes = Buffer.from(page.join(''), 'utf8');

  it('is compressed to the bytes encodeBodyFor makes, with the ETag of the unencoded page, in a buffer of its own size', async () => {
    for (const coding of ['br', 'gzip'] as const) {
      const here = encodePageHere(page, 7, coding, 1024 * 1024);
      const expected = await encodeBodyFor(bytes, coding);
      expect(here?.coding).toBe(coding);
      expect(here?.body.equals(expected.body)).toBe(true);
      expect(here?.body.buffer.byteLength).toBe(here?.body.byteLength);
      expect(here?.etag).toBe(etagOf(7, bytes));
    }
  });

  it('keeps an unencoded answer intact when the next page reuses the buffer', () => {
    const here = encodePageHere(page, 7, 'identity', 1024 * 1024);
    encodePageHere(['x'.repeat(bytes.byteLength)], 7, 'identity', 1024 * 1024);
    expect(here?.coding).toBe('identity');
    expect(here?.body.equals(bytes)).toBe(true);
  });

  it('is left to the caller when its bytes exceed the limit given', () => {
    expect(encodePageHere(page, 7, 'br', bytes.byteLength - 1)).toBeNull();
    expect(encodePageHere(page, 7, 'br', bytes.byteLength)).not.toBeNull();
  });
});
