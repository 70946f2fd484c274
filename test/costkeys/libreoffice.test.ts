import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { DALANE, SOKNDAL_PHASE_IN } from './dalane';
import { costSheet } from '../../src/costkeys/costSheet';
import { phaseIn, poolSocialAssistance } from '../../src/costkeys/extras';
import { EVERY_KEY, splitCosts, type CostKey, type CostOffice } from '../../src/costkeys/keys';
import type { SheetSpec } from '../../src/domain/sheets';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs/exceljsWorkbook';

/**
 * The cost sheet in a real spreadsheet program: written to .xlsx, edited as a rådmann would
 * (a population, an FTE, the cost per FTE, the fixed share, a weight, a state share, a payer
 * typed as a number, a phase-in share), recalculated by LibreOffice headless, and read back.
 * Every table must then equal the engine for the edited data. Skipped where soffice is absent.
 */
const HAS_SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const SHEET = 'KP Kostnader 1101';

/** LibreOffice with a profile of its own that recalculates every formula when it opens an .xlsx. */
function recalculate(files: string[], dir: string): string[] {
  const profile = path.join(dir, 'profile');
  mkdirSync(path.join(profile, 'user'), { recursive: true });
  writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  const out = path.join(dir, 'recalculated');
  const run = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, ...files],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`);
  return files.map((f) => path.join(out, path.basename(f)));
}

/** 1-based row and column of a table cell: data row `row` (0-based), the column with `header`. */
function cellOf(spec: SheetSpec, prefix: string, row: number, header: string | RegExp) {
  const t = spec.tables.find((x) => x.name.startsWith(prefix))!;
  const c = t.columns.findIndex((x) => (typeof header === 'string' ? x.header === header : header.test(x.header)));
  if (c < 0) throw new Error(`no column ${String(header)} in ${t.name}`);
  return { r: t.startRow + 2 + row, c: c + 1 };
}
const paramRow = (spec: SheetSpec, label: RegExp) => {
  const t = spec.tables.find((x) => x.name.startsWith('KP_Parametre_'))!;
  return t.rows.findIndex((row) => typeof row[0] === 'string' && label.test(row[0]));
};

/** The what-if: the edits as cells, and the same edits to the engine's office. */
const EDITED: CostOffice = {
  ...DALANE,
  members: DALANE.members
    .map((m) => (m.number === '1111' ? { ...m, population: 4_000 } : m.number === '1114' ? { ...m, municipalFte: 3 } : m))
    .map((m) => ({ ...m, costPerFte: 900_000 })),
  lines: DALANE.lines.map((l, k) => (k === 0 ? { ...l, stateShare: 0.25 } : k === 2 ? { ...l, owner: '1114' } : l)),
};
const editedKey = (k: CostKey): CostKey =>
  k.kind === 'fixed-plus'
    ? { ...k, fixed: 0.3 }
    : k.kind === 'mix'
      ? {
          kind: 'mix',
          weights: [
            ['population', 0.5],
            ['users', 0.2],
          ],
        }
      : k;
const EDITED_STEPS = SOKNDAL_PHASE_IN.steps.map((s, y) => (y === 0 ? { ...s, share: 0.4 } : s));

function edit(ws: ExcelJS.Worksheet, spec: SheetSpec) {
  const set = (at: { r: number; c: number }, v: number) => (ws.getRow(at.r).getCell(at.c).value = v);
  set(cellOf(spec, 'KP_Fordeling_', 2, 'Folketall'), 4_000);
  set(cellOf(spec, 'KP_Fordeling_', 1, 'Kommunale årsverk'), 3);
  const param = (label: RegExp, v: number) => {
    const r = paramRow(spec, label);
    if (r >= 0) set(cellOf(spec, 'KP_Parametre_', r, 'Verdi'), v);
  };
  param(/Kostnad per kommunalt årsverk/, 900_000);
  param(/andel likt fordelt/, 0.3);
  param(/vekt for sosialhjelpsmottakere/, 0.2);
  param(/andel av full pris 2022/, 0.4);
  set(cellOf(spec, 'KP_Linjer_', 0, /Statens andel/), 0.25);
  set(cellOf(spec, 'KP_Linjer_', 2, 'Betales av'), 1114);
  // «Shared» typed in English, any case: the reader takes it as shared by the key, and so must the note.
  ws.getRow(cellOf(spec, 'KP_Linjer_', 1, 'Betales av').r).getCell(cellOf(spec, 'KP_Linjer_', 1, 'Betales av').c).value = 'Shared';
}

(HAS_SOFFICE ? describe : describe.skip)('the cost sheet recalculated by LibreOffice after a what-if edit', () => {
  let dir: string;
  const results = new Map<string, { spec: SheetSpec; ws: ExcelJS.Worksheet }>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kontorplan-lo-'));
    const files: string[] = [];
    const specs = new Map<string, SheetSpec>();
    for (const key of EVERY_KEY) {
      const spec = costSheet(DALANE, key, {
        sheetName: SHEET,
        officeName: 'NAV Dalane',
        costPerFte: 850_000,
        compare: EVERY_KEY.filter((k) => k.kind !== key.kind),
        socialPool: 'per-capita',
        phaseIn: SOKNDAL_PHASE_IN,
      });
      const wb = ExcelJsWorkbook.create();
      await wb.replaceOwnSheets([spec]);
      const written = path.join(dir, `${key.kind}.xlsx`);
      await wb.save(written);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(written);
      edit(book.getWorksheet(SHEET)!, spec);
      await book.xlsx.writeFile(written);
      files.push(written);
      specs.set(key.kind, spec);
    }
    const back = recalculate(files, dir);
    for (const [k, file] of EVERY_KEY.map((key, i) => [key.kind, back[i]!] as const)) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      results.set(k, { spec: specs.get(k)!, ws: book.getWorksheet(SHEET)! });
    }
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const value = (ws: ExcelJS.Worksheet, at: { r: number; c: number }) => {
    const v = ws.getRow(at.r).getCell(at.c).value;
    return v !== null && typeof v === 'object' && 'formula' in v ? (v as ExcelJS.CellFormulaValue).result : v;
  };

  it.each(EVERY_KEY.map((k) => [k.kind, k] as const))(
    '%s: every table equals the engine for the edited data, and no cell is an error',
    (kind, key) => {
      const { spec, ws } = results.get(kind)!;
      const col = (prefix: string, header: string | RegExp) => EDITED.members.map((_, i) => value(ws, cellOf(spec, prefix, i, header)));
      const split = splitCosts(EDITED, editedKey(key));
      expect(col('KP_Fordeling_', 'Beløp å betale (kr)')).toEqual(split.shares.map((s) => s.amount));
      expect(col('KP_Fordeling_', 'Egen drift (kr)')).toEqual(split.shares.map((s) => s.standalone));
      // The comparison: every other key, with the edited parameters.
      const compared = EVERY_KEY.filter((k) => k.kind !== kind);
      const table = spec.tables.find((t) => t.name.startsWith('KP_Nokler_'))!;
      compared.forEach((k, c) => {
        const header = table.columns[3 + c]!.header;
        expect([k.kind, col('KP_Nokler_', header)]).toEqual([k.kind, splitCosts(EDITED, editedKey(k)).shares.map((s) => s.amount)]);
      });
      const up = col('KP_Nokler_', /opp$/) as number[];
      split.shares.forEach((s, i) => expect(Math.abs(up[i]! - Math.round(s.sensitivityUp))).toBeLessThanOrEqual(1));
      // The pool and the phase-in.
      expect(col('KP_Sosialhjelp_', 'Betaler til potten (kr)')).toEqual(
        poolSocialAssistance(EDITED, 'per-capita').shares.map((s) => s.pays),
      );
      const years = phaseIn(split, SOKNDAL_PHASE_IN.member, EDITED_STEPS);
      for (const y of years) expect([y.label, col('KP_Innfasing_', y.label)]).toEqual([y.label, y.amounts]);
      // Only a payer outside the office is noted: not «Shared», not Sokndal (1114).
      const notes = [0, 1, 2].map((k) => String(value(ws, cellOf(spec, 'KP_Linjer_', k, 'Merknad')) ?? ''));
      expect(notes.filter((n) => /ikke med i kontoret|not in the office/.test(n))).toEqual([]);
      // No error value anywhere in the sheet.
      const errors: string[] = [];
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const v = value(ws, { r, c });
          if (v !== null && typeof v === 'object' && 'error' in (v as object)) errors.push(`${cell.address}: ${JSON.stringify(v)}`);
        }),
      );
      expect(errors).toEqual([]);
    },
  );
});
