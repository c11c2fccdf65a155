/**
 * Parses RFC 4180 CSV (comma separator, optional double-quoted fields with `""` escapes, CRLF or
 * LF line ends) into rows keyed by the header line. The reference files are small and simple, so
 * a few lines here spare a dependency; a malformed file fails loudly instead of loading half.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const records = parseRecords(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const [header, ...rows] = records;
  if (!header) return [];
  return rows.map((fields, index) => {
    if (fields.length !== header.length) {
      throw new Error(
        `CSV line ${index + 2} has ${fields.length} fields where the header has ${header.length}`,
      );
    }
    return Object.fromEntries(header.map((name, column) => [name, fields[column]!]));
  });
}

function parseRecords(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let position = 0;
  while (position < text.length) {
    const char = text[position]!;
    if (quoted) {
      if (char === '"' && text[position + 1] === '"') {
        field += '"';
        position += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      position += 1;
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      if (char === '\r' && text[position + 1] === '\n') position += 1;
    } else if (char === '"') {
      throw new Error(`CSV has a stray quote in an unquoted field (line ${records.length + 1})`);
    } else {
      field += char;
    }
    position += 1;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push(fields);
  }
  return records;
}
