/**
 * All of Norway as a planner would paste it: 357 municipalities and a full 357 × 357 travel
 * matrix (127 449 cells). Not timed (npm run bench -- scale measures that); this checks it reads.
 */
import { DEFAULT_PARAMETERS } from '../../src/domain/parameters';
import type { CellValue } from '../../src/domain/sheets';
import { hasErrors } from '../../src/io/problems';
import { readWorkbook } from '../../src/io/readWorkbook';
import { embedded, sheet, snapshot } from '../builders';

it('reads a full national travel matrix', () => {
  const ms = embedded();
  const n = ms.length;
  const kommuner: CellValue[][] = [['Kommunenummer', 'Folketall'], ...ms.map((m) => [m.number, m.population2026])];
  // A metric made-up matrix: 30 minutes plus 2 per step in the list.
  const matrix: CellValue[][] = [
    [null, ...ms.map((m) => m.number)],
    ...ms.map((m, i) => [m.number, ...ms.map((_, j) => (i === j ? 0 : 30 + 2 * Math.abs(i - j)))]),
  ];
  const r = readWorkbook(snapshot(sheet('Kommuner', kommuner), sheet('Reisetid', matrix)), DEFAULT_PARAMETERS);
  expect(hasErrors(r.problems)).toBe(false);
  expect(r.value?.municipalities).toHaveLength(n);
  expect(r.value?.travelReport.given).toBe(n * (n - 1));
  expect(r.value?.travelReport.estimated).toBe(0);
}, 60_000);
