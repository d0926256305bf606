import { describe, expect, it } from 'vitest';
import { SourceFileError, optionalNumber, parseDelimitedRecords, requiredNumber, tableFromText } from './delimited-table.ts';

describe('reading delimited source files', () => {
  it('keeps quoted fields whole, with doubled quotes, delimiters and line breaks inside them', () => {
    const records = parseDelimitedRecords('a,b\n"x, ""quoted""",2\n"two\nlines",3\n', ',', 'f.csv');
    expect(records.map((record) => record.fields)).toEqual([
      ['a', 'b'],
      ['x, "quoted"', '2'],
      ['two\nlines', '3'],
    ]);
    expect(records.map((record) => record.line)).toEqual([1, 2, 3]);
  });

  it('reads TSV with a byte-order mark and Windows line ends', () => {
    const table = tableFromText('\uFEFFCode\tValue\r\n11-1011.00\t5\r\n', 'f.tsv', ['Code', 'Value'], '\t');
    expect(table.rows[0]?.values).toEqual({ Code: '11-1011.00', Value: '5' });
  });

  it('names the file, line and field of a value that is not a number', () => {
    const table = tableFromText('Code,Job Zone\n11-1011.00,4\n11-1021.00,four\n', 'onet/job-zones.csv', ['Code', 'Job Zone'], ',');
    const bad = table.rows[1];
    if (!bad) throw new Error('expected a second row');
    expect(() => requiredNumber(bad, 'Job Zone')).toThrow(SourceFileError);
    expect(() => requiredNumber(bad, 'Job Zone')).toThrow('onet/job-zones.csv:3: field "Job Zone": found "four"; expected a number');
  });

  it('names the missing columns and the columns it found', () => {
    expect(() => tableFromText('Code,Title\n', 'occupations.tsv', ['Code', 'Description'], ',')).toThrow(
      'occupations.tsv:1: missing column "Description"; found "Code", "Title"',
    );
  });

  it('treats the documented BLS markers as missing values and accepts thousands separators', () => {
    const table = tableFromText('A,B,C\n*,#,"1,234"\n', 'bls.csv', ['A', 'B', 'C'], ',');
    const row = table.rows[0];
    if (!row) throw new Error('expected a row');
    expect([optionalNumber(row, 'A'), optionalNumber(row, 'B'), optionalNumber(row, 'C')]).toEqual([null, null, 1234]);
  });

  it('reports a quoted field that is never closed', () => {
    expect(() => parseDelimitedRecords('a\n"open\n', ',', 'x.csv')).toThrow('x.csv:2: a quoted field is never closed');
  });
});
