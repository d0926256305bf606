import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, guardFormula, toCsv, toJsonLines, type ColumnSpec } from './csv.ts';
import { parseCsv } from './test-support/csv-parser.ts';

const columns: ColumnSpec<{ text: string; number: number | null }>[] = [
  { name: 'text', type: 'text', meaning: 'any text', valueOf: (row) => row.text },
  { name: 'number', type: 'number', meaning: 'a number', valueOf: (row) => row.number },
];

describe('CSV encoding', () => {
  it('quotes cells holding commas, quotes or line breaks and doubles inner quotes', () => {
    expect(csvCell('a,b', 'text')).toBe('"a,b"');
    expect(csvCell('say "hi"', 'text')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines', 'text')).toBe('"two\r\nlines"');
    expect(csvCell('plain', 'text')).toBe('plain');
    expect(csvCell(null, 'text')).toBe('');
  });

  it('prefixes text cells a spreadsheet would run as a formula, but never numbers', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(guardFormula(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(csvCell('=HYPERLINK("x")', 'text')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-2, 'integer')).toBe('-2');
    expect(csvCell('Nurse', 'text')).toBe('Nurse');
  });

  it('round-trips any text through a strict RFC 4180 parser, with CRLF line ends', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ text: fc.string({ unit: 'binary', maxLength: 40 }), number: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }) }), { maxLength: 20 }), (rows) => {
        const csv = toCsv(columns, rows);
        const parsed = parseCsv(csv);
        expect(parsed[0]).toEqual(['text', 'number']);
        expect(parsed.slice(1)).toEqual(rows.map((row) => [guardFormula(row.text), row.number === null ? '' : String(row.number)]));
      }),
      { numRuns: 150 },
    );
  });

  it('writes JSON Lines with the metadata first and no raw "<" that could close a script', () => {
    const text = toJsonLines({ version: 'x' }, columns, [{ text: '</script><b>', number: 1 }]);
    const lines = text.trimEnd().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toEqual({ meta: { version: 'x' } });
    expect(JSON.parse(lines[1] ?? '')).toEqual({ text: '</script><b>', number: 1 });
    expect(text).not.toContain('<');
  });
});
