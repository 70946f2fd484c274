import { loadNetwork } from '../../src/cli/common';
import { extraNames, referenceMap } from '../../src/data/embedded';
import { DEFAULT_PARAMETERS } from '../../src/domain/parameters';
import type { MunicipalityNumber } from '../../src/domain/types';
import { formatProblem } from '../../src/io/problems';
import { readWorkbook } from '../../src/io/readWorkbook';
import { travelCheckSheet } from '../../src/io/travelOutput';
import { travelMinutes, travelProvenance, travelViaFerry } from '../../src/travel/matrix';
import { embedded, sheet, snapshot } from '../builders';

const n = (s: string) => s as MunicipalityNumber;
const data = embedded();
const options = {
  reference: referenceMap(data),
  extraNames: extraNames(data),
  network: loadNetwork(data),
};
// Bodø, Røst, Værøy, Fauske: numbers only; names and points come from the embedded data.
const KOMMUNER = sheet('Kommuner', [
  ['Kommunenummer', 'Folketall'],
  ['1804', 53000],
  ['1856', 470],
  ['1857', 700],
  ['1841', 10000],
]);

describe('reading travel times', () => {
  it('lets a given time replace an estimate of the same pair, in the same sheet or another, either way round', () => {
    const result = readWorkbook(
      snapshot(
        KOMMUNER,
        // The planner's own sheet first, the sample's estimates after it.
        sheet('Reisetid oppgitt', [
          ['fra', 'til', 'minutter'],
          ['Bodø', 'Fauske', 61],
          ['Fauske', 'Røst', 300],
        ]),
        sheet('Reisetid', [
          ['fra', 'til', 'minutter', 'kilde'],
          ['Bodø', 'Fauske', 48, 'estimert'],
          ['Røst', 'Fauske', 280, 'estimert'],
          ['Værøy', 'Bodø', 150, 'estimert'],
          ['Værøy', 'Bodø', 170, ''],
          ['Værøy', 'Bodø', 160, 'estimert'],
        ]),
      ),
      DEFAULT_PARAMETERS,
      options,
    );
    const v = result.value!;
    expect(travelMinutes(v.travel, n('1804'), n('1841'))).toBe(61);
    expect(travelProvenance(v.travel, n('1804'), n('1841'))).toBe('given');
    // Given one way, estimated the other: the given time is used both ways.
    expect(travelMinutes(v.travel, n('1856'), n('1841'))).toBe(300);
    expect(travelProvenance(v.travel, n('1856'), n('1841'))).toBe('given');
    // Below an estimate in the same sheet, and not put back by a later one.
    expect(travelMinutes(v.travel, n('1857'), n('1804'))).toBe(170);
    expect(travelProvenance(v.travel, n('1857'), n('1804'))).toBe('given');
    // Neither is a conflict between two given times.
    expect(result.problems.map((p) => formatProblem(p)).filter((t) => t.startsWith('Reisetid'))).toEqual([]);
  });

  it('merges a road matrix and a long-form ferry list, with the ferje column marking ferry times', () => {
    const result = readWorkbook(
      snapshot(
        KOMMUNER,
        sheet('Reisetid vei', [
          ['', 'Bodø', 'Fauske'],
          ['Bodø', 0, 55],
          ['Fauske', 58, 0],
        ]),
        sheet('Reisetid ferje', [
          ['fra', 'til', 'minutter', 'ferje'],
          ['Bodø', 'Røst', 250, 'ja'],
          ['1857', '1856', 75, 60],
        ]),
      ),
      DEFAULT_PARAMETERS,
      options,
    );
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const v = result.value!;
    expect(v.sheetsUsed.travel).toEqual(['Reisetid vei', 'Reisetid ferje']);
    expect(travelMinutes(v.travel, n('1841'), n('1804'))).toBe(58);
    expect(travelMinutes(v.travel, n('1804'), n('1841'))).toBe(55);
    expect(travelMinutes(v.travel, n('1856'), n('1804'))).toBe(250);
    expect(travelViaFerry(v.travel, n('1856'), n('1804'))).toBe(true);
    expect(travelViaFerry(v.travel, n('1857'), n('1856'))).toBe(true);
    expect(travelViaFerry(v.travel, n('1804'), n('1841'))).toBe(false);
    // Værøy–Bodø is not given: estimated, over the shipped Bodø–Værøy ferry.
    expect(travelProvenance(v.travel, n('1857'), n('1804'))).toBe('estimated');
    expect(travelViaFerry(v.travel, n('1857'), n('1804'))).toBe(true);
    expect(travelMinutes(v.travel, n('1857'), n('1804'))).toBeGreaterThan(170);
    expect(v.travelReport).toMatchObject({ given: 6, estimated: 6 });
  });

  it('takes ferries from a Ferjer sheet, replacing a shipped one between the same municipalities', () => {
    const read = (ferjer?: ReturnType<typeof sheet>) =>
      readWorkbook(ferjer ? snapshot(KOMMUNER, ferjer) : snapshot(KOMMUNER), DEFAULT_PARAMETERS, options).value!;
    const shipped = travelMinutes(read().travel, n('1804'), n('1857'));
    const faster = read(
      sheet('Ferjer', [
        ['Strekning', 'Fra', 'Til', 'Seiletid', 'Avgangsintervall'],
        ['Hurtigbåt', 'Bodø', 'Værøy', 100, 60],
      ]),
    );
    // 100 min sailing + 30 min waiting instead of the shipped 170 + 30; the 70 minutes saved at sea
    // leave more of the way to be driven to the quays (25 km/h of sailing is 29 km less water).
    const saved = shipped - travelMinutes(faster.travel, n('1804'), n('1857'));
    expect(saved).toBeLessThan(70);
    expect(saved).toBeGreaterThan(70 - ((70 / 60) * 25 * DEFAULT_PARAMETERS.detourFactor * 60) / DEFAULT_PARAMETERS.emptyLandSpeedKmh);
    expect(faster.sheetsUsed.ferries).toEqual(['Ferjer']);
    expect(faster.travelReport.ferries.find((f) => f.route === 'Hurtigbåt')).toMatchObject({ a: '1804', b: '1857', sailingMinutes: 100 });
    expect(faster.travelReport.ferries.some((f) => f.route === 'Bodø–Værøy')).toBe(false);
  });

  it('reports a ferry row with a missing number at its cell, and a bad ferje value', () => {
    const result = readWorkbook(
      snapshot(
        KOMMUNER,
        sheet('Ferjer', [
          ['fra', 'til', 'seiletid', 'intervall'],
          ['Bodø', 'Værøy', 100, ''],
        ]),
        sheet('Reisetid', [
          ['fra', 'til', 'minutter', 'ferje'],
          ['Bodø', 'Fauske', 55, 'kanskje'],
        ]),
      ),
      DEFAULT_PARAMETERS,
      options,
    );
    expect(result.value).toBeUndefined();
    expect(result.problems.map((p) => formatProblem(p, 'nb'))).toEqual(
      expect.arrayContaining([
        'Ferjer!D2: cellen er tom; avgangsintervall (minutter) må fylles ut',
        'Reisetid!D2: "kanskje" er verken ja eller nei',
      ]),
    );
  });

  it('warns about asymmetric, zero and triangle-breaking times at their cells, and still reads them', () => {
    const result = readWorkbook(
      snapshot(
        KOMMUNER,
        sheet('Reisetid', [
          ['fra', 'til', 'minutter'],
          ['Bodø', 'Fauske', 55],
          ['Fauske', 'Bodø', 80],
          ['Bodø', 'Røst', 0],
          ['Fauske', 'Værøy', 400],
          ['Bodø', 'Værøy', 200],
        ]),
      ),
      DEFAULT_PARAMETERS,
      options,
    );
    expect(result.value).toBeDefined();
    const warnings = result.problems.filter((p) => p.severity === 'warning').map((p) => formatProblem(p, 'nb'));
    expect(warnings).toEqual(
      expect.arrayContaining([
        'Reisetid!C2: reisetiden fra 1804 Bodø til 1841 Fauske - Fuossko er 55 min, men 80 min motsatt vei; sjekk at begge er riktige',
        'Reisetid!C4: reisetiden fra 1804 Bodø til 1856 Røst er 0 minutter; mellom to kommuner er det neppe riktig',
        'Reisetid!C5: reisetiden fra 1841 Fauske - Fuossko til 1857 Værøy er 400 min, men via 1804 Bodø er den bare 280 min; sjekk tallet',
      ]),
    );
  });
});

describe('the travel checks sheet', () => {
  it('shows the 0 of a zero finding in its minutes column', () => {
    const sheet = travelCheckSheet([{ kind: 'zero', from: n('1804'), to: n('1856'), sheet: 'Reisetid', cell: 'C4' }], (x) => x);
    expect(sheet.tables[0]!.rows[0]).toEqual(['0 minutter', '1804', '1856', 0, null, '', 'Reisetid!C4']);
  });
});
