import { describe, expect, it } from 'vitest';
import { etagOf } from '../features/render-cache/render-cache.ts';
import { utf8BytesOf } from './page-bytes.ts';

describe('a page given in parts', () => {
  const parts = ['<p>Your score as Nurse’s aide</p>', '<select>', '…'.repeat(70_000), '<option value="a:1">“x” · y</option>', '', '</select>'];
  const joined = parts.join('');

  it('encodes to the bytes of the joined page', () => {
    const bytes = utf8BytesOf(parts);
    expect(bytes.equals(Buffer.from(joined, 'utf8'))).toBe(true);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  });

  it('has the ETag of the joined page', () => {
    expect(etagOf(7, parts)).toBe(etagOf(7, joined));
    expect(etagOf(7, parts)).not.toBe(etagOf(7, parts.slice(1)));
  });

  it('encodes a page given whole as Buffer.from does', () => {
    expect(utf8BytesOf(joined).equals(Buffer.from(joined, 'utf8'))).toBe(true);
  });
});
