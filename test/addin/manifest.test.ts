/**
 * @jest-environment jsdom
 *
 * The add-in manifest, checked offline (the online validator is `npm run validate`): valid
 * against Microsoft's XML schema (test/schemas/, with xmllint), the sideloading manifest and the
 * production one the build writes for ADDIN_URL; ids and versions, no domain but the add-in's
 * own, every resource id defined, every URL a file the build makes, and requirement sets that
 * cover the Excel APIs the add-in calls.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const xml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const addin = require('../../scripts/addin.js') as {
  DEV_URL: string;
  addinUrl(v?: string): string;
  manifestFor(xml: string, base: string): string;
};
const SCHEMA = path.join(ROOT, 'test', 'schemas', 'OfficeAppManifestV1_1.xsd');

/** xmllint's verdict on a manifest against Microsoft's schema: '' when valid, else its errors. */
function schemaErrors(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'kp-manifest-')), 'manifest.xml');
  writeFileSync(file, text);
  try {
    execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], { stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e);
  }
}
const doc = new DOMParser().parseFromString(xml, 'application/xml');
const all = (tag: string) => [...doc.getElementsByTagName('*')].filter((e) => e.localName === tag);
const one = (tag: string) => all(tag)[0]!;

/**
 * The Excel API members the Office adapter uses (src/workbook/office/excelApi.ts) and the
 * ExcelApi set that brings each one (from Microsoft's API reference).
 */
const EXCEL_API_SETS: Record<string, number> = {
  address: 1.1,
  values: 1.1,
  valueTypes: 1.1,
  formulas: 1.1,
  numberFormat: 1.1,
  isNullObject: 1.1,
  load: 1.1,
  select: 1.1,
  format: 1.1,
  columnWidth: 1.2,
  wrapText: 1.1,
  font: 1.1,
  bold: 1.1,
  autofitColumns: 1.2,
  name: 1.1,
  style: 1.1,
  setXAxisValues: 1.7,
  setValues: 1.7,
  delete: 1.7,
  title: 1.1,
  text: 1.1,
  axes: 1.1,
  categoryAxis: 1.1,
  valueAxis: 1.1,
  series: 1.1,
  add: 1.1,
  getItemAt: 1.1,
  setPosition: 1.1,
  visibility: 1.1,
  getRange: 1.1,
  getUsedRangeOrNullObject: 1.4,
  activate: 1.1,
  tables: 1.1,
  charts: 1.1,
  freezePanes: 1.7,
  freezeRows: 1.7,
  items: 1.1,
  getItem: 1.1,
  getItemOrNullObject: 1.4,
  value: 1.4,
  worksheets: 1.1,
  protection: 1.7,
  protected: 1.7,
  settings: 1.4,
  workbook: 1.1,
  sync: 1.1,
  conditionalFormats: 1.6,
  colorScale: 1.6,
  criteria: 1.6,
  minimum: 1.6,
  midpoint: 1.6,
  maximum: 1.6,
  textComparison: 1.6,
  rule: 1.6,
  fill: 1.6,
  color: 1.6,
  formula: 1.6,
  type: 1.6,
  operator: 1.6,
  onChanged: 1.7,
  source: 1.7,
};

describe("the manifest against Microsoft's XML schema", () => {
  it('is valid, and so is the production manifest for an ADDIN_URL', () => {
    expect(schemaErrors(xml)).toBe('');
    const production = addin.manifestFor(xml, addin.addinUrl('https://kontorplan.example.no/tillegg/'));
    expect(production).not.toContain('localhost');
    expect(production).toContain('<SourceLocation DefaultValue="https://kontorplan.example.no/tillegg/taskpane.html"/>');
    expect(schemaErrors(production)).toBe('');
  });

  it('refuses what Excel refuses: an empty AppDomains, a two-part version, elements out of order', () => {
    // The schema is the yardstick: these are the mistakes it must catch.
    expect(schemaErrors(xml.replace('<Hosts>', '<AppDomains/>\n  <Hosts>'))).toMatch(/AppDomains.*Missing child element/);
    expect(schemaErrors(xml.replace('<Version>1.0.0.0</Version>', '<Version>v1</Version>'))).toMatch(/Version/);
    const swapped = xml.replace(/(<Version>[^<]*<\/Version>)(\s*)(<ProviderName>[^<]*<\/ProviderName>)/, '$3$2$1');
    expect(swapped).not.toBe(xml);
    expect(schemaErrors(swapped)).toMatch(/ProviderName.*not expected/);
    // A Runtime's lifetime is short or long (the repaired schema's one addition, checked too).
    expect(schemaErrors(xml.replace('lifetime="long"', 'lifetime="forever"'))).toMatch(/lifetime/);
  });
});

describe('ADDIN_URL', () => {
  it('is an https address; the build stops with a message otherwise', () => {
    expect(addin.addinUrl(undefined)).toBe('https://localhost:3000');
    expect(addin.addinUrl('https://host.example')).toBe('https://host.example');
    expect(addin.addinUrl('https://host.example/a/b//')).toBe('https://host.example/a/b');
    expect(() => addin.addinUrl('http://host.example')).toThrow(/https/);
    expect(() => addin.addinUrl('host.example')).toThrow(/ikke en adresse/);
    expect(() => addin.addinUrl('https://host.example/?x=1')).toThrow(/spørring/);
  });
});

describe('manifest.xml', () => {
  it('is well-formed XML of a task pane add-in for Excel', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('OfficeApp');
    expect(doc.documentElement.getAttribute('xsi:type')).toBe('TaskPaneApp');
    expect(all('Host').map((h) => h.getAttribute('Name') ?? h.getAttribute('xsi:type'))).toEqual(['Workbook', 'Workbook']);
    expect(one('Permissions').textContent).toBe('ReadWriteDocument');
  });

  it('has a GUID id, a four-part version matching package.json and at least 1.0.0.0, and Norwegian as its default language', () => {
    expect(one('Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
    expect(one('Version').textContent).toBe(`${version}.0`);
    // AppSource takes 1.0.0.0 or later.
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(1);
    expect(one('DefaultLocale').textContent).toBe('nb-NO');
  });

  it('names no domain but its own, and only files the build makes', () => {
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    const built = new Set([
      'taskpane.html',
      'taskpane.js',
      'functions.json',
      'help.html',
      'assets/icon-16.png',
      'assets/icon-32.png',
      'assets/icon-64.png',
      'assets/icon-80.png',
    ]);
    for (const u of urls) {
      const url = new URL(u);
      expect(url.origin).toBe('https://localhost:3000');
      expect(built).toContain(url.pathname.slice(1));
    }
    // The icons are in the repository; the rest are the build's (checked against dist/ by the browser test).
    for (const icon of [16, 32, 64, 80]) expect(() => readFileSync(path.join(ROOT, 'assets', `icon-${icon}.png`))).not.toThrow();
    // No AppDomains element at all: the add-in navigates nowhere else, and an empty one is invalid.
    expect(all('AppDomains')).toHaveLength(0);
  });

  it('defines every resource it refers to, once', () => {
    const defined = all('Url')
      .concat(all('Image'), all('String'))
      .map((e) => e.getAttribute('id'))
      .filter((id): id is string => id !== null);
    expect(new Set(defined).size).toBe(defined.length);
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]!);
    for (const id of used) expect(defined).toContain(id);
  });

  it('runs the task pane, the command and the custom functions in one shared runtime, in the KONTORPLAN namespace', () => {
    const runtime = one('Runtime').getAttribute('resid');
    expect(one('FunctionFile').getAttribute('resid')).toBe(runtime);
    const page = all('ExtensionPoint').find((e) => e.getAttribute('xsi:type') === 'CustomFunctions')!;
    expect(page.getElementsByTagName('Page')[0]!.getElementsByTagName('SourceLocation')[0]!.getAttribute('resid')).toBe(runtime);
    const ns = all('String').find((e) => e.getAttribute('id') === 'Functions.Namespace')!;
    expect(ns.getAttribute('DefaultValue')).toBe('KONTORPLAN');
    expect(all('FunctionName').map((e) => e.textContent)).toEqual(['scoreScenarios']);
    expect(readFileSync(path.join(ROOT, 'src', 'taskpane', 'index.tsx'), 'utf8')).toContain("associate('scoreScenarios'");
  });

  it('asks for the requirement sets that cover every Excel API the add-in calls', () => {
    const sets = new Map(all('Set').map((s) => [s.getAttribute('Name'), Number(s.getAttribute('MinVersion'))]));
    expect(sets.get('SharedRuntime')).toBe(1.1);
    expect(sets.get('CustomFunctionsRuntime')).toBe(1.1);
    const excelApi = sets.get('ExcelApi')!;
    const source = readFileSync(path.join(ROOT, 'src', 'workbook', 'office', 'excelApi.ts'), 'utf8').replace(
      /\/\*[\s\S]*?\*\/|\/\/.*$/gm,
      '',
    );
    const members = [...source.matchAll(/^\s+(?:readonly\s+)?(?:get\s+|set\s+)?([a-zA-Z]+)\??[(:]/gm)].map((m) => m[1]!);
    expect(members.length).toBeGreaterThan(30);
    for (const m of new Set(members)) {
      expect(EXCEL_API_SETS).toHaveProperty(m);
      expect(EXCEL_API_SETS[m]).toBeLessThanOrEqual(excelApi);
    }
  });
});
