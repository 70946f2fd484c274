import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { capture } from '../builders';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs/exceljsWorkbook';

let dir: string;
let input: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kontorplan-optimize-'));
  input = path.join(dir, 'nordland.xlsx');
  expect(await main(['sample', '--county', '18', '--out', input], capture())).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sheetsOf = async (file: string) => (await (await ExcelJsWorkbook.open(file)).read()).sheets;

type Json = {
  status: string;
  objective: number;
  bound: number;
  gap: number;
  seconds: number;
  method: string;
  meanTravelMinutes: number;
  travelBasis: {
    assignments: number;
    estimated: number;
    estimatedOver60Minutes: number;
    over60Minutes: { member: string; host: string; minutes: number; estimated: boolean }[];
  };
  offices: { host: string; members: string[]; servicePoints: Record<string, { kind: string; days?: number }> }[];
  siteCost: { totalKr: number } | null;
  isolated: string[];
  alternatives: { objective: number; fromBest: number; offices: { host: string; members: string[] }[] }[];
  sweep: { offices: number; meanTravel: number | null; maxTravel: number | null; minOfficeFte: number | null; status: string }[];
};

describe('kontorplan optimize', () => {
  let json: Json;
  const out = () => path.join(dir, 'optimert.xlsx');

  beforeAll(async () => {
    const io = capture();
    const code = await main(
      [
        'optimize',
        input,
        '--out',
        out(),
        '--offices',
        '20',
        '--min-fte',
        '10',
        '--max-travel',
        '90',
        '--sweep',
        '17-21',
        '--alternatives',
        '1',
        '--json',
      ],
      io,
    );
    expect(io.stderr.join('\n')).toContain('Skrev');
    expect(code).toBe(0);
    json = JSON.parse(io.stdout.join('\n')) as Json;
  });

  it('prints the proven optimum as the JSON contract: every municipality in exactly one office, within the rules', async () => {
    expect(json.status).toBe('optimal');
    expect(json.gap).toBeLessThanOrEqual(1e-6);
    expect(json.bound).toBeLessThanOrEqual(json.objective + 1e-6);
    expect(json.offices).toHaveLength(20);
    const all = json.offices.flatMap((o) => o.members);
    expect(all).toHaveLength(41);
    expect(new Set(all).size).toBe(41);
    for (const o of json.offices) {
      expect(o.members).toContain(o.host);
      expect(o.members.length).toBeLessThanOrEqual(5);
      expect(o.host).toMatch(/^\d{4}$/);
    }
    // Røst, Værøy and Træna, and Lurøy and Rødøy behind their ferries, have nothing robust within
    // 90 minutes. With service points none is left alone: each joins a host and keeps a full
    // local office when it is beyond 90 minutes, and only a host whose own staff keep the minimum.
    expect(json.isolated).toEqual([]);
    const islands = ['1834', '1835', '1836', '1856', '1857'];
    for (const k of islands) {
      const office = json.offices.find((o) => o.members.includes(k))!;
      if (office.host === k) continue;
      expect(office.servicePoints[k]).toBeDefined();
    }
    for (const k of ['1856', '1857']) {
      // Røst and Værøy are hours from any robust host: a full local office each.
      const office = json.offices.find((o) => o.members.includes(k))!;
      expect(office.host).not.toBe(k);
      expect(office.servicePoints[k]).toEqual({ kind: 'full' });
    }
    for (const o of json.offices) expect(Object.keys(o.servicePoints).sort()).toEqual(o.members.filter((m) => m !== o.host).sort());
    expect(json.siteCost!.totalKr).toBeGreaterThan(0);
  });

  it('finds an alternative with other hosts within 1 % of the best', () => {
    const hosts = (offices: readonly { host: string }[]) =>
      offices
        .map((o) => o.host)
        .sort()
        .join(',');
    expect(json.alternatives).toHaveLength(1);
    const alt = json.alternatives[0]!;
    expect(hosts(alt.offices)).not.toBe(hosts(json.offices));
    expect(alt.objective).toBeGreaterThanOrEqual(json.objective - 1e-6);
    // Within 1 % (the default --within) of the best's whole cost, the travel within municipalities included.
    expect(alt.fromBest).toBeGreaterThanOrEqual(0);
    expect(alt.fromBest).toBeLessThanOrEqual(0.01);
  });

  it('writes the scenarios in the Scenarier layout, the trade-off curve with a native chart, and scores them', async () => {
    const sheets = await sheetsOf(out());
    const names = sheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Kommuner',
        'Scenarier',
        'KP Optimert 20 kontor',
        'KP Optimert 20 kontor alt. 1',
        'Sammenligning',
        'KP Optimerte scenarier',
        'KP Avveiing',
      ]),
    );
    const scen = sheets.find((s) => s.name === 'KP Optimerte scenarier')!;
    const header = scen.values.findIndex((r) => r[0] === 'Scenario');
    const rows = scen.values.slice(header + 1).filter((r) => r[0] === 'Optimert 20 kontor');
    expect(rows).toHaveLength(41);
    const bodo = rows.find((r) => r[1] === '1804')!;
    expect(bodo[3]).toBe(json.offices.find((o) => o.members.includes('1804'))!.host);

    const curve = sheets.find((s) => s.name === 'KP Avveiing')!;
    const ch = curve.values.findIndex((r) => r[0] === 'Antall kontor');
    const points = curve.values.slice(ch + 1).filter((r) => typeof r[0] === 'number');
    expect(points.map((r) => r[0])).toEqual([17, 18, 19, 20, 21]);
    // Each point is exactly that many offices, each of at least 10 FTE, so one more office need not
    // lower the travel (Nordland: 20 → 21 offices raises the mean from 17.25 to 17.31 min, and
    // the whole cost with it, as the 21st host forces smaller offices). What holds at every
    // point: the optimum is proven and keeps the rules.
    const sweep = json.sweep;
    expect(sweep.map((p) => p.offices)).toEqual([17, 18, 19, 20, 21]);
    for (const p of sweep) {
      expect(p.status).toBe('bevist optimal på disse reisetidene');
      expect(p.maxTravel).toBeLessThanOrEqual(90);
      expect(p.minOfficeFte).toBeGreaterThanOrEqual(10);
    }
    expect(points.map((r) => r[1] as number)).toEqual(sweep.map((p) => expect.closeTo(p.meanTravel!, 6)));

    const zip = await JSZip.loadAsync(readFileSync(out()));
    const charts = await Promise.all(
      zip.file(/xl\/charts\/chart\d+\.xml/).map(async (f) => ({ name: f.name, xml: await f.async('string') })),
    );
    // The trade-off curve, and the comparison's scenarios as points (one series each, no line).
    const curve2 = charts.find((c) => c.xml.includes("'KP Avveiing'!$B$"))!;
    expect(curve2.xml).toContain('<c:scatterChart>');
    const points2 = charts.find((c) => c.xml.includes("'Sammenligning'!$B$"))!;
    expect(points2.xml).toContain('<a:noFill/>');
    expect(points2.xml).toContain('<c:v>Optimert 20 kontor</c:v>');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    for (const c of charts) expect(types).toContain(`/${c.name}`);
  });

  it('leaves the planner’s sheets exactly as they were', async () => {
    const before = await sheetsOf(input);
    const after = await sheetsOf(out());
    for (const s of before) expect(after.find((a) => a.name === s.name)!.values).toEqual(s.values);
  });

  it('plan scores the optimised scenarios like any other, keeps the optimiser’s sheets, and they pass the travel and owner rules', async () => {
    const again = path.join(dir, 'plan-igjen.xlsx');
    const io = capture();
    expect(await main(['plan', out(), '--out', again, '--json'], io)).toBe(0);
    const plan = JSON.parse(io.stdout.join('\n')) as {
      scenarios: { name: string; offices: { host: string; constraints: Record<string, { pass: boolean }> }[] }[];
    };
    const opt = plan.scenarios.find((s) => s.name === 'Optimert 20 kontor')!;
    expect(opt.offices).toHaveLength(20);
    for (const o of opt.offices) {
      for (const [id, c] of Object.entries(o.constraints)) {
        // Only the isolated offices may fail, and only the minimum FTE.
        if (!c.pass) {
          expect(id).toBe('minFte');
          expect(json.isolated).toContain(o.host);
        }
      }
    }
    const names = (await sheetsOf(again)).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['KP Optimerte scenarier', 'KP Avveiing']));
    expect(names.filter((n) => n === 'KP Avveiing')).toHaveLength(1);
    const zip = await JSZip.loadAsync(readFileSync(again));
    // One trade-off chart and one comparison chart: written again, never duplicated.
    expect(zip.file(/xl\/charts\/chart\d+\.xml/)).toHaveLength(2);
  });

  it('writes many alternatives and the curve over location cost, and plan still reads every optimised scenario back', async () => {
    const file = path.join(dir, 'mange.xlsx');
    const io = capture();
    const args = ['optimize', input, '--out', file, '--offices', '20', '--sweep', 'none', '--alternatives', '5', '--within', '5'];
    expect(await main([...args, '--sweep-site-cost', '0.25,4'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/Tjenestesteder: \d+ fulle lokalkontor/);
    const sheets = await sheetsOf(file);
    const curve = sheets.find((x) => x.name === 'KP Avveiing tjenestesteder')!;
    const header = curve.values.findIndex((r) => r[0] === 'Kostnaden ganget med');
    const rows = curve.values.slice(header + 1).filter((r) => typeof r[0] === 'number');
    expect(rows.map((r) => r[0])).toEqual([0.25, 1, 4]);
    // Cheaper service points never leave users with longer travel, nor cost less in all (monotone in the scale).
    expect(Number(rows[0]![2])).toBeLessThanOrEqual(Number(rows[1]![2]) + 1e-9);
    expect(Number(rows[1]![2])).toBeLessThanOrEqual(Number(rows[2]![2]) + 1e-9);
    expect(Number(rows[0]![1])).toBeGreaterThanOrEqual(Number(rows[2]![1]) - 1e-9);
    const alternatives = sheets.find((x) => x.name === 'KP Optimerte scenarier')!;
    const written = new Set(
      alternatives.values
        .slice(1)
        .map((r) => r[0])
        .filter((v) => typeof v === 'string' && v.startsWith('Optimert')),
    );
    const planned = capture();
    expect(await main(['plan', file, '--out', path.join(dir, 'mange-plan.xlsx')], planned)).toBe(0);
    expect(planned.stdout.join('\n')).toContain(`${written.size} fra «KP Optimerte scenarier»`);
  });

  it('keeps today’s cooperations and locations from Kontorer when asked, and says so', async () => {
    const file = path.join(dir, 'behold.xlsx');
    const io = capture();
    const args = ['optimize', input, '--out', file, '--office-cost', '0.5', '--sweep', 'none', '--alternatives', '0'];
    expect(await main([...args, '--keep-existing', '--keep-locations', '--json'], io)).toBe(0);
    const j = JSON.parse(io.stdout.join('\n')) as Json;
    // NAV Indre Salten: Fauske hosts Sørfold, Hamarøy, Beiarn and Saltdal, each with a location open 5 days today.
    const salten = j.offices.find((o) => o.host === '1841')!;
    expect(salten.members.sort()).toEqual(['1839', '1840', '1841', '1845', '1875']);
    for (const m of ['1839', '1840', '1845', '1875']) expect(salten.servicePoints[m]).toEqual({ kind: 'full' });
    // NAV Narvik: Evenes keeps at least its 2 opening days.
    const narvik = j.offices.find((o) => o.host === '1806')!;
    expect(narvik.members).toContain('1853');
    const evenes = narvik.servicePoints['1853']!;
    expect(evenes.kind === 'full' || (evenes.kind === 'branch' && evenes.days! >= 2)).toBe(true);
    const text = capture();
    expect(await main([...args, '--keep-existing'], text)).toBe(0);
    expect(text.stdout.join('\n')).toContain('dagens samarbeid beholdes');
  });

  it('uses only the heuristic when asked, and says the result is not proven', async () => {
    const io = capture();
    const file = path.join(dir, 'heuristikk.xlsx');
    expect(
      await main(
        ['optimize', input, '--out', file, '--offices', '20', '--heuristic', '--sweep', 'none', '--alternatives', '0', '--json'],
        io,
      ),
    ).toBe(0);
    const j = JSON.parse(io.stdout.join('\n')) as Json;
    expect(j.method).toBe('heuristic');
    expect(j.status).toBe('heuristic');
    expect(j.gap).toBeNull();
    expect(j.objective).toBeGreaterThanOrEqual(json.objective - 1e-6);
  });

  it('honours forced and forbidden hosts and locks', async () => {
    const io = capture();
    const file = path.join(dir, 'laast.xlsx');
    const args = [
      'optimize',
      input,
      '--out',
      file,
      '--offices',
      '20',
      '--host',
      '1838',
      '--not-host',
      '1804',
      '--lock',
      '1840=1841',
      '--sweep',
      'none',
      '--alternatives',
      '0',
      '--json',
    ];
    expect(await main(args, io)).toBe(0);
    const j = JSON.parse(io.stdout.join('\n')) as Json;
    const hosts = j.offices.map((o) => o.host);
    expect(hosts).toContain('1838');
    expect(hosts).not.toContain('1804');
    expect(j.offices.find((o) => o.host === '1841')!.members).toContain('1840');
  });

  it('explains rules that cannot be met, exits 1 and writes nothing', async () => {
    const io = capture();
    const file = path.join(dir, 'umulig.xlsx');
    expect(await main(['optimize', input, '--out', file, '--offices', '7'], io)).toBe(1);
    // 41 municipalities, none isolated: at least 9 offices of at most 5.
    expect(io.stderr.join('\n')).toContain('7 kontor er for få: med høyst 5 kommuner per kontor trengs minst 9 kontor');
    expect(existsSync(file)).toBe(false);
  });

  it('asks for exactly one of --offices and --office-cost, and checks municipality numbers', async () => {
    const io = capture();
    expect(await main(['optimize', input, '--out', path.join(dir, 'x.xlsx')], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('enten --offices N');
    const io2 = capture();
    // A number the workbook does not have is the data's problem (exit 1), not the usage's.
    expect(await main(['optimize', input, '--out', path.join(dir, 'x.xlsx'), '--offices', '20', '--host', '9999'], io2)).toBe(1);
    expect(io2.stderr.join('\n')).toContain('Feil: påkrevd vertskommune: kommunenummer 9999 finnes ikke');
    const io3 = capture();
    expect(await main(['optimize', input, '--out', path.join(dir, 'x.xlsx'), '--offices', '20', '--lock', '1839-1841'], io3)).toBe(2);
    expect(io3.stderr.join('\n')).toContain('--lock må være på formen KNR=VERT');
    expect(existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });

  it('says what the optimum rests on: estimated assignments, and every one over an hour', () => {
    const b = json.travelBasis;
    const partners = json.offices.reduce((n, o) => n + o.members.length - 1, 0);
    expect(b.assignments).toBe(partners);
    // The sample's travel is all estimated.
    expect(b.estimated).toBe(partners);
    expect(b.estimatedOver60Minutes).toBe(b.over60Minutes.length);
    for (const l of b.over60Minutes) {
      expect(l.minutes).toBeGreaterThan(60);
      expect(json.offices.find((o) => o.host === l.host)!.members).toContain(l.member);
    }
  });

  it('refuses to optimise on long estimated pairs with --require-given-over, and writes the pairs to fill in', async () => {
    const io = capture();
    const file = path.join(dir, 'maa-oppgis.xlsx');
    const args = ['optimize', input, '--out', file, '--offices', '20', '--sweep', 'none', '--alternatives', '0'];
    expect(await main([...args, '--require-given-over', '60'], io)).toBe(1);
    const err = io.stderr.join('\n');
    expect(err).toMatch(/optimaliseringen ville bygge på \d+ estimerte reisetider over 60 min/);
    expect(err).toContain('«KP Reisetid å oppgi»!E3:E');
    const sheet = (await sheetsOf(file)).find((s) => s.name === 'KP Reisetid å oppgi')!;
    const rows = sheet.values.slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect([null, undefined, '']).toContain(r[4]);
      expect(Number(r[5])).toBeGreaterThan(60);
      // Up to the longest trip a member with its own local office may have to its host.
      expect(Number(r[5])).toBeLessThanOrEqual(300);
    }
    // Longer than anything the rules allow: nothing to give, and it optimises.
    expect(await main([...args, '--out', path.join(dir, 'ok.xlsx'), '--require-given-over', '300'], capture())).toBe(0);

    // Done as the message says: the table, headers and all, filled in and copied to a sheet of
    // the planner's own whose name starts with Reisetid. The sample's estimated rows stay in
    // its Reisetid sheet, in one direction or the other; the given times replace them.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(input);
    const own = book.addWorksheet('Reisetid oppgitt');
    for (const [i, r] of sheet.values.slice(1).entries()) {
      own.addRow(i === 0 ? r.slice(0, 5) : [...r.slice(0, 4), Number(r[5])]);
    }
    const filled = path.join(dir, 'utfylt.xlsx');
    await book.xlsx.writeFile(filled);
    const io2 = capture();
    const again = [
      'optimize',
      filled,
      '--out',
      path.join(dir, 'utfylt-ut.xlsx'),
      '--offices',
      '20',
      '--sweep',
      'none',
      '--alternatives',
      '0',
    ];
    expect(await main([...again, '--require-given-over', '60', '--json'], io2)).toBe(0);
    expect(io2.stderr.join('\n')).not.toContain('oppgitt to ganger');
    const basis = JSON.parse(io2.stdout.join('\n')).travelBasis;
    expect(basis.over60Minutes.length).toBeGreaterThan(0);
    expect(basis.estimatedOver60Minutes).toBe(0);
    for (const l of basis.over60Minutes) expect(l.estimated).toBe(false);
  });
});
