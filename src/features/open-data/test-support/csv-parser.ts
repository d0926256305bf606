/**
 * Parses an RFC 4180 document strictly: CRLF line ends, quoted fields with doubled quotes, and a
 * final CRLF. Throws naming the line and column of the first thing that breaks the grammar.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let index = 0;
  let line = 1;
  const fail = (what: string) => {
    throw new Error(`CSV line ${line}: ${what} at offset ${index}`);
  };
  while (index < text.length) {
    if (text[index] === '"' && field === '') {
      index += 1;
      for (;;) {
        if (index >= text.length) fail('unterminated quoted field');
        const char = text[index];
        if (char === '"' && text[index + 1] === '"') {
          field += '"';
          index += 2;
        } else if (char === '"') {
          index += 1;
          break;
        } else {
          if (char === '\n') line += 1;
          field += char;
          index += 1;
        }
      }
      if (index < text.length && text[index] !== ',' && text[index] !== '\r') fail('text after a closing quote');
      continue;
    }
    const char = text[index];
    if (char === ',') {
      record.push(field);
      field = '';
      index += 1;
    } else if (char === '\r') {
      if (text[index + 1] !== '\n') fail('a CR without LF');
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 2;
      line += 1;
    } else if (char === '\n') {
      fail('a bare LF line end');
    } else if (char === '"') {
      fail('a quote inside an unquoted field');
    } else {
      field += char;
      index += 1;
    }
  }
  if (field !== '' || record.length > 0) fail('no CRLF after the last record');
  return records;
}
