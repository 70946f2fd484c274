import { HyperFormula } from 'hyperformula';
import { isFormula, type CellValue, type SheetSpec, type TableSpec } from '../../src/domain/sheets';
import { layoutSheet } from '../../src/workbook/memory/memoryWorkbook';

/** The sheet as a spreadsheet engine gets it: formulas as "=…", text that looks like a number kept as text. */
export function grid(spec: SheetSpec): (string | number | boolean | null)[][] {
  const rows = layoutSheet(spec, (v) => (isFormula(v) ? `=${v.formula}` : typeof v === 'string' && /^[\d.,\s-]+$/.test(v) ? `'${v}` : v));
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? null) as string | number | boolean | null));
}

/**
 * The cost sheet recalculated by HyperFormula, addressed as a planner reads it: a table (by
 * the start of its name), a data row and a column header.
 */
export function engine(spec: SheetSpec) {
  const hf = HyperFormula.buildFromSheets({ S: grid(spec) }, { licenseKey: 'gpl-v3', useArrayArithmetic: true });
  const table = (prefix: string): TableSpec => {
    const t = spec.tables.find((x) => x.name.startsWith(prefix));
    if (!t) throw new Error(`no table ${prefix}`);
    return t;
  };
  const col = (t: TableSpec, header: string | RegExp) => {
    const c = t.columns.findIndex((x) => (typeof header === 'string' ? x.header === header : header.test(x.header)));
    if (c < 0) throw new Error(`no column ${String(header)} in ${t.name}`);
    return c;
  };
  const at = (prefix: string, row: number, header: string | RegExp) => {
    const t = table(prefix);
    return { sheet: 0, row: t.startRow + 1 + row, col: col(t, header) };
  };
  const get = (prefix: string, row: number, header: string | RegExp) => hf.getCellValue(at(prefix, row, header)) as CellValue;
  const set = (prefix: string, row: number, header: string | RegExp, v: number | string | null) =>
    hf.setCellContents(at(prefix, row, header), v);
  const column = (prefix: string, header: string | RegExp, rows?: number) =>
    Array.from({ length: rows ?? table(prefix).rows.length }, (_, i) => get(prefix, i, header));
  /** The row of the parameter table whose label matches. */
  const param = (label: RegExp) => {
    const t = table('KP_Parametre_');
    const r = t.rows.findIndex((row) => typeof row[0] === 'string' && label.test(row[0]));
    if (r < 0) throw new Error(`no parameter ${String(label)}`);
    return { set: (v: number) => set('KP_Parametre_', r, 'Verdi', v), get: () => get('KP_Parametre_', r, 'Verdi') };
  };
  /** What each member pays, as the sheet now says. */
  const amounts = () => column('KP_Fordeling_', 'Beløp å betale (kr)');
  /** Every cell of every table that is an error value. */
  const errors = () => {
    const out: string[] = [];
    for (const t of spec.tables)
      t.rows.forEach((row, i) =>
        row.forEach((_, c) => {
          const v = hf.getCellValue({ sheet: 0, row: t.startRow + 1 + i, col: c });
          if (v !== null && typeof v === 'object') out.push(`${t.name}[${i}].${t.columns[c]?.header}: ${JSON.stringify(v)}`);
        }),
      );
    return out;
  };
  return { hf, table, get, set, column, param, amounts, errors };
}
