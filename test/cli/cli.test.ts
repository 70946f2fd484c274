import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main, type Io } from '../../src/cli/main';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs/exceljsWorkbook';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s) };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kontorplan-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sheetsOf(file: string) {
  return (await (await ExcelJsWorkbook.open(file)).read()).sheets;
}

describe('kontorplan sample', () => {
  it('writes the Nordland sample: estimated travel and staffing marked, attribution included', async () => {
    const file = path.join(dir, 'nordland.xlsx');
    const io = capture();
    expect(await main(['sample', '--county', '18', '--out', file], io)).toBe(0);
    const sheets = await sheetsOf(file);
    expect(sheets.map((s) => s.name)).toEqual(['Kommuner', 'Reisetid', 'Bemanning', 'Kontorer', 'Scenarier', 'Om dataene', 'Vekter']);
    const [kommuner, reisetid, bemanning, kontorer, scenarier, om] = sheets;
    // Today's offices proposed: the documented cooperations and one office per other municipality, all to be checked.
    const offices = kontorer!.values.slice(3);
    expect(offices.every((r) => String(r[9]).endsWith('forslag, kontroller mot NAV fylke'))).toBe(true);
    const salten = offices.find((r) => r[0] === 'NAV Indre Salten')!;
    expect(salten.slice(1, 4)).toEqual([
      'Fauske - Fuossko',
      'Fauske - Fuossko; Sørfold; Hábmer - Hamarøy; Beiarn; Saltdal',
      'Sørfold 5; Hábmer - Hamarøy 5; Beiarn 5; Saltdal 5',
    ]);
    expect(offices.find((r) => r[0] === 'NAV Narvik')!.slice(2, 4)).toEqual(['Narvik; Evenes - Evenášši', 'Evenes - Evenášši 2']);
    expect(offices).toHaveLength(36);
    expect(kommuner!.values).toHaveLength(42);
    expect(kommuner!.values[1]!.slice(0, 4)).toEqual(['1804', 'Bodø', '18', 53638]);
    // 41 · 40 / 2 pairs, each marked as an estimate.
    const travelRows = reisetid!.values.slice(2);
    expect(travelRows).toHaveLength(820);
    expect(travelRows.every((r) => r[4] === 'estimert')).toBe(true);
    // Røst and Værøy are a ferry from Bodø, not an hour's drive.
    const bodo = (other: string) => travelRows.find((r) => r[0] === '1804' && r[1] === other)!;
    for (const island of ['1856', '1857']) {
      expect(bodo(island)[2]).toBeGreaterThan(180);
      expect(bodo(island)[3]).toBe('ja');
    }
    // Fauske is next door, by road.
    expect(bodo('1841')[2]).toBeLessThan(90);
    expect(bodo('1841')[3]).toBe('nei');
    expect(bemanning!.values.slice(2).every((r) => r[4] === 'estimert')).toBe(true);
    expect(scenarier!.values.some((r) => r[0] === 'Kjente samarbeid' && r[2] === 'Sørfold' && r[3] === '1841')).toBe(true);
    expect(om!.values.flat().join(' ')).toContain('Statistisk sentralbyrå (tabell 07459 og befolkning på rutenett 2019/2022), CC BY 4.0');
    expect(om!.values.flat().join(' ')).toContain('Administrasjonssentre: GeoNames, CC BY 4.0');
  });

  it('refuses an unknown county and lists the real ones', async () => {
    const io = capture();
    expect(await main(['sample', '--county', '99', '--out', path.join(dir, 'x.xlsx')], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('fylke «99» finnes ikke i 2024-inndelingen; velg ett av: 03 Oslo');
    expect(existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});

describe('kontorplan plan', () => {
  const input = () => path.join(dir, 'nordland.xlsx');

  it('scores every scenario, writes its sheets into a copy and leaves the input sheets as they were', async () => {
    const out = path.join(dir, 'resultat.xlsx');
    const io = capture();
    expect(await main(['plan', input(), '--out', out], io)).toBe(0);
    const before = await sheetsOf(input());
    const after = await sheetsOf(out);
    expect(after.map((s) => s.name)).toEqual([
      ...before.map((s) => s.name),
      'KP Dagens struktur (per 2020)',
      'KP Én kommune – ett kontor',
      'KP Konsekvenser Én kommune – et',
      'KP Kjente samarbeid',
      'KP Konsekvenser Kjente samarbei',
      'KP Ett kontor per BA-region',
      'KP Konsekvenser Ett kontor per',
      'Sammenligning',
    ]);
    for (const s of before) expect(after.find((a) => a.name === s.name)!.values).toEqual(s.values);
    const text = io.stdout.join('\n');
    expect(text).toContain('Leste 41 kommuner fra «Kommuner», dagens struktur fra «Kontorer» (Dagens struktur (per 2020)),');
    expect(text).toContain('3 scenarier fra «Scenarier».');
    expect(text).toMatch(/Antall kontor\s+kontor\s+36\s+41\s+36\s+28/);
    // Every staffing row of the sample is an estimate: the output says so, and what it assumed.
    expect(text).toContain('Bemanning estimert for 41 av 41 kommuner: 4,85 per kontor + 1,885 per 1 000 innbyggere');
    expect(text).toContain('fordelt 60 % statlig og 40 % kommunalt (antatt; endre med --municipal-share).');
    // The rank and admissibility stand above the rating, and the ranked list gives the reasons.
    const lines = text.split('\n');
    const at = (label: string) => lines.findIndex((l) => l.startsWith(label));
    expect(at('Rangering ')).toBeLessThan(at('Karakter'));
    expect(at('Tillatt (alle krav og avtale)')).toBeLessThan(at('Karakter'));
    expect(text).toContain('Rangering (tillatte scenarier først, så de med færrest brudd, deretter etter karakter):');
    expect(text).toMatch(/Kjente samarbeid: Mot «Dagens struktur \(per 2020\)»: \d+ av 41 kommuner er verre stilt/);
    // Every sample scenario keeps offices under 10 FTE: each is listed as not admissible, with the rule.
    expect(text).toMatch(/1\. \S.* – ikke tillatt, karakter \d+: minste årsverk: \d+ kontor/);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it('writes real tables with frozen headers into the result', async () => {
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(path.join(dir, 'resultat.xlsx'));
    const ws = raw.getWorksheet('KP Kjente samarbeid')!;
    expect(ws.getTable('KP_Kontor_3')).toBeDefined();
    expect(ws.getTable('KP_Medlemmer_3')).toBeDefined();
    expect(ws.views[0]).toMatchObject({ state: 'frozen' });
    expect(raw.getWorksheet('Sammenligning')!.getTable('KP_Sammenligning')).toBeDefined();
    expect(raw.getWorksheet('Sammenligning')!.getTable('KP_Rangering')).toBeDefined();
    expect(ws.getTable('KP_Kommuner_3')).toBeDefined();
    expect(ws.getTable('KP_Brudd_3')).toBeDefined();
  });

  it('writes each scenario’s consequences against the baseline, grades and thresholds beside the values', async () => {
    const wb = await ExcelJsWorkbook.open(path.join(dir, 'resultat.xlsx'));
    // One office per municipality against today's offices (the sample's Kontorer sheet).
    const sheet = (await wb.read()).sheets.find((s) => s.name === 'KP Konsekvenser Én kommune – et')!;
    expect(sheet.values[0]![0]).toBe(
      'Konsekvenser av «Én kommune – ett kontor (teoretisk utgangspunkt)» mot «Dagens struktur (per 2020)». Laget av Kontorplan; arket erstattes ved neste kjøring.',
    );
    const header = sheet.values.findIndex((r) => r[0] === 'Virkning');
    expect(sheet.values[header]!.slice(0, 11)).toEqual([
      'Virkning',
      'Mål',
      'Enhet',
      'Bedre når',
      'Scenario',
      'Grunnlag',
      'Endring',
      'Betydning',
      'Omfang',
      'Konsekvens',
      'Konsekvens (−4 til +4)',
    ]);
    const rows = sheet.values.slice(header + 1, header + 19);
    const row = (label: string) => rows.find((r) => r[1] === label)!;
    // Splitting today's cooperations: more offices below 10 FTE (worse), fewer owners in one office (better).
    const below = row('Kontor under minste årsverk');
    expect(below[4]).toBeGreaterThan(below[5] as number);
    expect(below[9]).toMatch(/^−/);
    const owners = row('Flest eiere i ett kontor');
    expect(owners.slice(4, 7)).toEqual([1, 5, -4]);
    expect(owners[9]).toMatch(/^\+/);
    expect(row('Driftskostnad')[9]).toMatch(/^ikke beregnet/);
    // One office per municipality has no partners' service points to pay for: cheaper than today's.
    const sites = row('Lokaler og ansattes reiser for samarbeidskommunenes tjenestesteder');
    expect(sites[4]).toBe(0);
    expect(sites[5] as number).toBeGreaterThan(0);
    expect(rows.every((r) => typeof r[11] === 'string' && (r[11] as string).startsWith('endring lite ≥'))).toBe(true);
    // The baseline has no consequence sheet of its own.
    expect((await wb.read()).sheets.some((s) => s.name === 'KP Konsekvenser Dagens struktur')).toBe(false);
  });

  it('prints the JSON contract with 4-digit municipality numbers', async () => {
    const io = capture();
    expect(await main(['plan', input(), '--out', path.join(dir, 'r2.xlsx'), '--json'], io)).toBe(0);
    const doc = JSON.parse(io.stdout.join('\n'));
    expect(doc.scenarios.map((s: { name: string }) => s.name)).toEqual([
      'Dagens struktur (per 2020)',
      'Én kommune – ett kontor (teoretisk utgangspunkt)',
      'Kjente samarbeid',
      'Ett kontor per BA-region',
    ]);
    const salten = doc.scenarios[2].offices.find((o: { host: string }) => o.host === '1841');
    expect(salten.members.sort()).toEqual(['1839', '1840', '1841', '1845', '1875']);
    for (const key of [
      'host',
      'members',
      'population',
      'fte',
      'vulnerability',
      'weightedTravelMinutes',
      'maxTravelMinutes',
      'hostPopulationShare',
      'baShareInHostRegion',
      'owners',
      'ratings',
      'constraints',
    ]) {
      expect(salten).toHaveProperty(key);
    }
    expect(salten.owners).toBe(5);
    expect(salten.constraints.maxOwners).toEqual({ enabled: true, pass: true, value: 5, limit: 5 });
    expect(doc.scenarios[0].totals.offices).toBe(36);
    expect(doc.scenarios[1].totals.offices).toBe(41);
    // The verdict: admissible first, then fewest breaches, then by rating; each breach by municipality.
    type Verdict = { admissible: boolean; rank: number; totals: { rating: number }; breaches: { kommunenummer: string; rule: string }[] };
    const verdicts: Verdict[] = doc.scenarios;
    for (const a of verdicts)
      for (const b of verdicts) {
        if (a.admissible && !b.admissible) expect(a.rank).toBeLessThan(b.rank);
        if (!a.admissible && !b.admissible && a.breaches.length < b.breaches.length) expect(a.rank).toBeLessThan(b.rank);
        const sameFooting = a.admissible === b.admissible && (a.admissible || a.breaches.length === b.breaches.length);
        if (sameFooting && a.totals.rating > b.totals.rating) expect(a.rank).toBeLessThan(b.rank);
      }
    expect(verdicts.map((v) => v.rank).sort()[0]).toBe(1);
    const today = verdicts[0]!;
    expect(today.admissible).toBe(today.breaches.length === 0);
    // Every municipality against the baseline, today's structure.
    expect(doc.baseline).toBe('Dagens struktur (per 2020)');
    for (const s of doc.scenarios) {
      expect(s.municipalities).toHaveLength(41);
      type Change = { worseOff: boolean; kommunenummer: string; accessMinutesAfter: number; accessMinutesBefore: number };
      const changes: Change[] = s.municipalities;
      expect(s.worseOff).toBe(changes.filter((m) => m.worseOff).length);
      for (const m of changes) expect(m.kommunenummer).toMatch(/^\d{4}$/);
    }
    expect(doc.scenarios[0].worseOff).toBe(0);
    // The consequence table against the baseline: none for the baseline itself.
    expect(doc.scenarios[0].consequences).toEqual([]);
    const owners = doc.scenarios[1].consequences.find((c: { id: string }) => c.id === 'maxOwners');
    // One office per municipality against today's offices of up to five owners: fewer owners is better.
    expect(owners).toMatchObject({ id: 'maxOwners', value: 1, baseline: 5, change: -4, grade: 3 });
    const cost = doc.scenarios[1].consequences.find((c: { id: string }) => c.id === 'cost');
    expect(cost).toMatchObject({ value: null, baseline: null, change: null, grade: null });
    for (const c of doc.scenarios[1].consequences)
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'value', 'baseline', 'change', 'grade']));
    const sorsalten = doc.scenarios[1].municipalities.find((m: { kommunenummer: string }) => m.kommunenummer === '1845');
    expect(Object.keys(sorsalten)).toEqual(
      expect.arrayContaining([
        'kommunenummer',
        'accessMinutesBefore',
        'accessMinutesAfter',
        'localDaysBefore',
        'localDaysAfter',
        'localFteBefore',
        'localFteAfter',
        'breaks',
      ]),
    );
    expect(sorsalten.localDaysBefore).toBe(5);
    // Røst (about 470 inhabitants) alone is below 10 FTE, today as in the theory.
    expect(today.breaches).toContainEqual({
      kommunenummer: '1856',
      name: 'Røst',
      office: '1856',
      rule: 'minFte',
      value: expect.any(Number),
      limit: 10,
    });
    expect(doc.scenarios[0].offices.every((o: { host: string }) => /^\d{4}$/.test(o.host))).toBe(true);
  });

  it('uses parameter flags', async () => {
    const io = capture();
    expect(await main(['plan', input(), '--out', path.join(dir, 'r3.xlsx'), '--json', '--min-fte', '2', '--max-owners', '4'], io)).toBe(0);
    const salten = JSON.parse(io.stdout.join('\n')).scenarios[2].offices.find((o: { host: string }) => o.host === '1841');
    expect(salten.constraints.minFte.limit).toBe(2);
    expect(salten.constraints.maxOwners).toMatchObject({ pass: false, limit: 4 });
  });

  it('ranks the admissible scenarios first when the rules let some through', async () => {
    const io = capture();
    expect(await main(['plan', input(), '--out', path.join(dir, 'r4.xlsx'), '--json', '--min-fte', '1', '--max-owners', '4'], io)).toBe(0);
    const doc = JSON.parse(io.stdout.join('\n'));
    // One office each is admissible at 1 FTE; Kjente samarbeid has an office of 5 owners.
    const admissible = doc.scenarios.filter((s: { admissible: boolean }) => s.admissible);
    expect(admissible.length).toBeGreaterThan(0);
    expect(admissible.length).toBeLessThan(doc.scenarios.length);
    const worstAdmissible = Math.max(...admissible.map((s: { rank: number }) => s.rank));
    for (const s of doc.scenarios) if (!s.admissible) expect(s.rank).toBeGreaterThan(worstAdmissible);
  });

  it('replaces only its own sheets when run again on its own output', async () => {
    const out = path.join(dir, 'resultat.xlsx');
    const again = path.join(dir, 'resultat2.xlsx');
    expect(await main(['plan', out, '--out', again], capture())).toBe(0);
    expect((await sheetsOf(again)).map((s) => s.name)).toEqual((await sheetsOf(out)).map((s) => s.name));
  });

  it('reports bad input at its cell, exits non-zero and writes nothing', async () => {
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(input());
    raw.getWorksheet('Kommuner')!.getCell('D14').value = '12 3x';
    raw.getWorksheet('Scenarier')!.getCell('D3').value = 'Atlantis';
    const bad = path.join(dir, 'bad.xlsx');
    await raw.xlsx.writeFile(bad);
    const out = path.join(dir, 'bad-out.xlsx');
    const io = capture();
    expect(await main(['plan', bad, '--out', out], io)).toBe(1);
    expect(io.stderr).toContain('Feil: Kommuner!D14: "12 3x" er ikke et tall');
    expect(io.stderr).toContain('Feil: Scenarier!D3: "Atlantis" er ikke en kommune i arket Kommuner');
    expect(io.stderr).toContain('2 feil; ingenting ble skrevet.');
    expect(existsSync(out)).toBe(false);
  });

  it('will not overwrite a sheet the planner made in place of one of its own, under the same name', async () => {
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(path.join(dir, 'resultat.xlsx'));
    raw.removeWorksheet(raw.getWorksheet('Sammenligning')!.id);
    const notes = raw.addWorksheet('Sammenligning');
    notes.getCell('A1').value = 'Møtenotater fra kommunestyret';
    const mine = path.join(dir, 'mine-notater.xlsx');
    await raw.xlsx.writeFile(mine);
    const before = readFileSync(mine);
    const io = capture();
    expect(await main(['plan', mine, '--out', mine], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('Arket «Sammenligning» finnes allerede og er ikke laget av Kontorplan');
    expect(readFileSync(mine).equals(before)).toBe(true);
  });

  it('will not overwrite a planner’s own sheet that has a result sheet’s name', async () => {
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(input());
    raw.addWorksheet('Sammenligning').getCell('A1').value = 'mine notater';
    const mine = path.join(dir, 'mine.xlsx');
    await raw.xlsx.writeFile(mine);
    const io = capture();
    expect(await main(['plan', mine, '--out', path.join(dir, 'mine-out.xlsx')], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('Arket «Sammenligning» finnes allerede og er ikke laget av Kontorplan');
    expect(existsSync(path.join(dir, 'mine-out.xlsx'))).toBe(false);
  });

  test.each([
    [['plan'], 'plan trenger én inndatafil'],
    [['plan', 'x.xlsx'], 'plan trenger --out UT.xlsx'],
    [['plan', 'x.xlsx', '--out', 'y.xlsx', '--min-fte', 'mange'], '--min-fte må være et tall mellom 0 og 10000, ikke «mange»'],
    [['frobnicate'], 'ukjent kommando «frobnicate»'],
    [
      ['optimize', 'x.xlsx', '--out', 'y.xlsx', '--offices', '-3'],
      'valget --offices fikk en verdi som begynner med «-»; negative tall gjelder ikke her',
    ],
    [['optimize', 'x.xlsx', '--out', 'y.xlsx', '--offices=-3'], '--offices må være et tall mellom'],
    [
      ['optimize', 'x.xlsx', '--out', 'y.xlsx'],
      'optimize trenger enten --offices N (antall kontor) eller --office-cost MIN (kostnad per kontor)',
    ],
    [['optimize', 'x.xlsx', '--out', 'y.xlsx', '--offices', '5', '--office-cost', '10'], 'ikke begge'],
  ])('explains usage errors: %p', async (args, message) => {
    const io = capture();
    expect(await main(args, io)).toBe(2);
    expect(io.stderr.join('\n')).toContain(message);
  });

  it('says so when the input file is missing or not a workbook', async () => {
    const io = capture();
    expect(await main(['plan', path.join(dir, 'nope.xlsx'), '--out', path.join(dir, 'o.xlsx')], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('Fant ikke filen');
    const io2 = capture();
    expect(await main(['plan', __filename, '--out', path.join(dir, 'o.xlsx')], io2)).toBe(1);
    expect(io2.stderr.join('\n')).toContain(
      'er en tekstfil (for eksempel CSV) og ikke en Excel-arbeidsbok (.xlsx); åpne den i Excel og lagre den som «Excel-arbeidsbok (.xlsx)»',
    );
  });
});

describe('kontorplan travel', () => {
  it('fills every pair into its own sheet, marks the source, checks the given times and leaves the planner’s sheets alone', async () => {
    // A planner's workbook: three municipalities, two given times that disagree with each other.
    const file = path.join(dir, 'reise.xlsx');
    const wb = new ExcelJS.Workbook();
    const k = wb.addWorksheet('Kommuner');
    k.addRows([
      ['Kommunenummer', 'Folketall'],
      ['1804', 53000],
      ['1841', 10000],
      ['1856', 470],
    ]);
    const r = wb.addWorksheet('Reisetid');
    r.addRows([
      ['fra', 'til', 'minutter'],
      ['1804', '1841', 55],
      ['1841', '1804', 80],
    ]);
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, 'reise-fylt.xlsx');
    const io = capture();
    expect(await main(['travel', file, '--out', out, '--json'], io)).toBe(0);
    const { inputs, ...summary } = JSON.parse(io.stdout.join('\n'));
    // What was taken from which sheet.
    expect(inputs.travel).toEqual({ sheets: ['Reisetid'], given: 2, estimated: 4 });
    expect(inputs.municipalities).toEqual({ sheet: 'Kommuner', count: 3 });
    expect(summary).toEqual({
      municipalities: 3,
      pairs: 6,
      given: 2,
      estimated: 4,
      viaFerry: 4,
      missing: 0,
      asymmetric: 1,
      triangle: 0,
      zero: 0,
    });
    expect(io.stderr.join('\n')).toContain(
      'Reisetid!C2: reisetiden fra 1804 Bodø til 1841 Fauske - Fuossko er 55 min, men 80 min motsatt vei',
    );
    const before = await sheetsOf(file);
    const after = await sheetsOf(out);
    expect(after.map((s) => s.name)).toEqual(['Kommuner', 'Reisetid', 'KP Reisetid', 'KP Reisetidskontroll']);
    for (const s of before) expect(after.find((a) => a.name === s.name)!.values).toEqual(s.values);
    const values = after.find((s) => s.name === 'KP Reisetid')!.values;
    const rows = values.slice(2, 8);
    expect(rows.every((r) => r.length === 7)).toBe(true);
    expect(values[8]).toEqual([]);
    // Below the pairs: each municipality's own within-municipality time, with its source.
    expect(values.slice(11)).toEqual([
      ['1804', 'Bodø', 11.7, 'TØI 2019'],
      ['1841', 'Fauske - Fuossko', expect.any(Number), 'TØI 2019'],
      ['1856', 'Røst', 1.2, 'TØI 2019'],
    ]);
    expect(rows.find((row) => row[0] === '1804' && row[2] === '1841')).toEqual([
      '1804',
      'Bodø',
      '1841',
      'Fauske - Fuossko',
      55,
      'nei',
      'oppgitt',
    ]);
    const rost = rows.find((row) => row[0] === '1856' && row[2] === '1804')!;
    expect(rost.slice(5)).toEqual(['ja', 'estimert']);
    expect(rost[4]).toBeGreaterThan(180);
    const check = after.find((s) => s.name === 'KP Reisetidskontroll')!.values;
    expect(check[2]).toEqual(['ulik begge veier', 'Bodø', 'Fauske - Fuossko', 55, 80, null, 'Reisetid!C2']);
  });

  it('prints the error against the TØI times and the published drive times, by trip length', async () => {
    const text = capture();
    expect(await main(['travel', '--accuracy'], text)).toBe(0);
    expect(text.stdout.join('\n')).toMatch(/Mot publiserte kjøretider[^]*> 180 min/);
    const io = capture();
    expect(await main(['travel', '--accuracy', '--json'], io)).toBe(0);
    const json = JSON.parse(io.stdout.join('\n'));
    expect(json.validation.bands.map((b: { band: string }) => b.band)).toEqual(['< 45 min', '45–90 min', '90–180 min', '> 180 min']);
    expect(json.validation.precision.map((b: { band: string }) => b.band)).toEqual([
      '< 45 min',
      '45–90 min',
      '90–180 min',
      '> 180 min',
      'alle',
    ]);
    expect(text.stdout.join('\n')).toContain('hele timer');
    expect(json.within.points).toBe(162);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['pairs', 'medianAbsErrorMinutes', 'p90AbsErrorMinutes', 'medianAbsPercentError']),
    );
    expect(json.pairs).toBe(192);
    expect(json.method).toMatch(/leave-one-out/);
  });

  it('rejects a bad travel flag with a usage message', async () => {
    const io = capture();
    expect(await main(['travel', '--accuracy', '--ferry-wait-cap', 'lenge'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--ferry-wait-cap må være et tall mellom 0 og 1440, ikke «lenge»');
  });
});
