/** Minimal RFC 4180 CSV parser: quoted fields, doubled quotes, commas and newlines in quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV file that ships with the program, as rows with a lookup by column name. Throws when it is empty or lacks a column. */
export function csvTable(
  csvText: string,
  file: string,
  required: readonly string[],
): { rows: string[][]; get: (row: string[], column: string) => string } {
  const [head, ...rows] = parseCsv(csvText).filter((r) => r.length > 1);
  if (!head) throw new Error(`${file} is empty`);
  for (const k of required) if (!head.includes(k)) throw new Error(`${file} lacks the column ${k}`);
  const index = new Map(head.map((k, i) => [k, i]));
  return { rows, get: (row, column) => (row[index.get(column) ?? -1] ?? '').trim() };
}
