import type { CellValue, SheetData, WorkbookSnapshot } from '../src/domain/sheets';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseEmbeddedMunicipalities, type EmbeddedMunicipality } from '../src/data/embedded';

export function sheet(name: string, values: CellValue[][], visible = true): SheetData {
  return { name, values, visible };
}

export function snapshot(...sheets: SheetData[]): WorkbookSnapshot {
  return { sheets, ownedSheets: [] };
}

let cache: EmbeddedMunicipality[] | undefined;
export function embedded(): EmbeddedMunicipality[] {
  cache ??= parseEmbeddedMunicipalities(
    readFileSync(path.join(__dirname, '..', 'assets', 'kommuner_2024.csv'), 'utf8'),
    readFileSync(path.join(__dirname, '..', 'assets', 'kommunesentre_2024.csv'), 'utf8'),
  );
  return cache;
}

/**
 * A small hand-made county: A hosts B (two-municipality office), H hosts P1–P4 (a four-partner
 * office). Points on one meridian so distances are easy: 1° latitude ≈ 111.195 km.
 */
export const TOY_KOMMUNER: CellValue[][] = [
  ['Kommunenr', 'Navn', 'Folketall', 'BA-region', 'Fylke', 'Lat', 'Lon'],
  ['9001', 'Avik', 9000, '1', '90', 65.0, 14.0],
  ['9002', 'Bø i Toy', 1000, '1', '90', 65.1, 14.0],
  ['9003', 'Hamn', 6000, '2', '90', 66.0, 14.0],
  ['9004', 'Pe', 1000, '2', '90', 66.2, 14.0],
  ['9005', 'Qu', 1000, '2', '90', 66.3, 14.0],
  ['9006', 'Ro - Rávvu', 1000, '3', '91', 66.4, 14.0],
  ['9007', 'Sø', 1000, '3', '90', 66.5, 14.0],
];

/** The toy county's travel: A–B 30 min; H to P1–P4 20, 40, 100 and 50 min. */
export const TOY_REISETID: CellValue[][] = [
  ['fra', 'til', 'minutter'],
  ['9001', '9002', 30],
  ['9003', '9004', 20],
  ['9003', '9005', 40],
  ['9003', '9006', 100],
  ['9003', '9007', 50],
];

/** The toy county's given staffing: Avik 20 FTE, Bø 2; the rest estimated. */
export const TOY_BEMANNING: CellValue[][] = [
  ['knr', 'statlige årsverk', 'kommunale årsverk'],
  ['9001', 10, 10],
  ['9002', 1, 1],
];

/**
 * The toy county's cooperation scenario, header included: Avik hosts Bø (no service point,
 * agreement); Hamn hosts Pe (meeting room), Qu (2 opening days), Ro (none) and Sø (5-day branch,
 * no agreement).
 */
export const TOY_SAMARBEID: CellValue[][] = [
  ['scenario', 'knr', 'vertskommune', 'tjenestested', 'avtale'],
  ['Samarbeid', '9001', '9001', '', ''],
  ['Samarbeid', '9002', '9001', 'ingen', 'ja'],
  ['Samarbeid', '9003', '9003', '', ''],
  ['Samarbeid', '9004', '9003', 'møterom', ''],
  ['Samarbeid', '9005', '9003', 'åpningsdager 2', ''],
  ['Samarbeid', '9006', '9003', 'ingen', ''],
  ['Samarbeid', '9007', '9003', 'avdelingskontor', 'nei'],
];

/** An Io that keeps what a command prints, for assertions. */
export function capture(): { out: (s: string) => void; err: (s: string) => void; stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s) };
}
