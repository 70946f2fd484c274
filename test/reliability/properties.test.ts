/**
 * Properties over arbitrary input: whatever a planner's sheets hold, the readers answer with
 * problems that name a sheet and a cell (never an exception), and whatever they read scores
 * within the documented ranges.
 */
import fc from 'fast-check';
import { DEFAULT_PARAMETERS } from '../../src/domain/parameters';
import type { CellValue, SheetData } from '../../src/domain/sheets';
import { applyMapping } from '../../src/io/mapping';
import { hasErrors } from '../../src/io/problems';
import { readWorkbook } from '../../src/io/readWorkbook';
import { parseServicePoint } from '../../src/io/servicePoint';
import { parseMunicipalityNumber, parseNumber } from '../../src/io/cells';
import { scoreAll } from '../../src/scoring/score';
import { embedded } from '../builders';

const data = embedded();
const reference = new Map(
  data.map((m) => [
    m.number,
    { name: m.name, county: m.county, baRegion: m.baRegion, baRegionName: m.baRegionName, lat: m.lat, lon: m.lon },
  ]),
);
const salten = data.filter((m) => ['1804', '1841', '1839', '1838', '1840', '1845', '1848'].includes(m.number));

/** Cells as planners' sheets hold them: numbers, number-like and other text, headers, errors, booleans, blanks. */
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.integer({ min: -1_000_000, max: 10_000_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(
    'Kommunenummer',
    'Folketall',
    'Fra',
    'Til',
    'Minutter',
    'Scenario',
    'Vertskommune',
    'Tjenestested',
    'Beløp',
    'Statlige årsverk',
    'Sum',
  ),
  fc.constantFrom(
    ...salten.map((m) => m.number),
    ...salten.map((m) => m.name),
    '301',
    '0301',
    'K-1804',
    '12 3x',
    '1 234,5',
    'hovedkontor',
    'møterom',
    'åpningsdager 2',
  ),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constantFrom({ error: '#REF!' }, { error: '#DIV/0!' }, { error: '#N/A' }),
);
const grid = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 14 });
const sheetName = fc.constantFrom('Kommuner', 'Reisetid', 'Bemanning', 'Scenarier', 'Kostnader', 'Ferjer', 'Ark1', 'Data');
const sheets = fc.uniqueArray(fc.record({ name: sheetName, values: grid, visible: fc.boolean() }), {
  selector: (s) => s.name,
  maxLength: 5,
});

/** A valid Kommuner sheet of Salten, with arbitrary noise in the other sheets. */
const kommuner: SheetData = {
  name: 'Kommuner',
  visible: true,
  values: [['Kommunenummer', 'Kommunenavn', 'Folketall'], ...salten.map((m) => [m.number, m.name, m.population2026])],
};

const A1 = /^[A-Z]{1,3}[1-9]\d*$/;

describe('the readers on arbitrary sheets', () => {
  it('never throw, and every problem names a sheet of the workbook (or the missing Kommuner) and a cell', () => {
    fc.assert(
      fc.property(sheets, (ss) => {
        const snapshot = { sheets: ss, ownedSheets: [] };
        const r = readWorkbook(snapshot, DEFAULT_PARAMETERS, { reference });
        const names = new Set([...ss.map((s) => s.name), 'Kommuner']);
        for (const p of r.problems) {
          expect(names).toContain(p.sheet);
          if (p.cell !== undefined) expect(p.cell).toMatch(A1);
        }
        // Errors always come without a result, and no result without an error to say why.
        expect(r.value === undefined).toBe(hasErrors(r.problems));
      }),
      { numRuns: 300 },
    );
  });

  it('read whatever a valid Kommuner sheet sits beside, and what they read scores within the documented ranges', () => {
    let scored = 0;
    fc.assert(
      fc.property(sheets, (noise) => {
        const ss = [kommuner, ...noise.filter((s) => s.name !== 'Kommuner')];
        const r = readWorkbook({ sheets: ss, ownedSheets: [] }, DEFAULT_PARAMETERS, { reference });
        if (!r.value) {
          expect(hasErrors(r.problems)).toBe(true);
          return;
        }
        scored++;
        for (const score of scoreAll(r.value, DEFAULT_PARAMETERS)) {
          const members = score.offices.flatMap((o) => o.members.map((m) => m.number)).sort();
          expect(members).toEqual(salten.map((m) => m.number).sort());
          expect(score.totals.rating).toBeGreaterThanOrEqual(0);
          expect(score.totals.rating).toBeLessThanOrEqual(100);
          for (const o of score.offices) {
            expect(o.vulnerability).toBeGreaterThanOrEqual(0);
            expect(o.vulnerability).toBeLessThanOrEqual(1);
            expect(o.weightedTravelMinutes).toBeLessThanOrEqual(o.maxTravelMinutes + 1e-9);
            for (const v of Object.values(o.ratings)) if (v !== null) expect(v >= 0 && v <= 100).toBe(true);
            expect(o.pass).toBe(o.constraints.every((c) => c.pass || !c.enabled));
          }
        }
      }),
      { numRuns: 150 },
    );
    // The property is not vacuous: much of the noise still reads (and is scored).
    expect(scored).toBeGreaterThan(15);
  });

  it('read the same through a mapping that renames nothing', () => {
    fc.assert(
      fc.property(sheets, (ss) => {
        const snapshot = { sheets: ss, ownedSheets: [] };
        const plain = readWorkbook(snapshot, DEFAULT_PARAMETERS, { reference });
        const mapped = applyMapping(snapshot, {});
        expect(readWorkbook(mapped.snapshot, DEFAULT_PARAMETERS, { reference }).problems.map(mapped.restore)).toEqual(plain.problems);
      }),
      { numRuns: 100 },
    );
  });
});

describe('cell parsers on arbitrary values', () => {
  it('give a finite number or nothing, a four-digit number or nothing, a service point or nothing', () => {
    fc.assert(
      fc.property(cell, (v) => {
        const n = parseNumber(v);
        if (n !== undefined) expect(Number.isFinite(n)).toBe(true);
        const k = parseMunicipalityNumber(v);
        if (k !== undefined) expect(k).toMatch(/^\d{4}$/);
        const sp = parseServicePoint(v);
        if (sp?.kind === 'branch') expect(sp.days > 0 && sp.days <= 5).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
