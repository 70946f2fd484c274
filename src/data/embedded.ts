import type { ReferenceMunicipality } from '../io/readMunicipalities';
import type { ReadOptions } from '../io/readWorkbook';
import type { TravelNetwork } from '../travel/network';
import { csvTable } from './csv';

/**
 * The embedded municipality dataset (assets/kommuner_2024.csv): all 357 municipalities in
 * the 2024 structure. Sources and licences: README ("Data og kilder").
 */
export type EmbeddedMunicipality = Readonly<{
  number: string;
  /** Official name, with Sámi/Kven form where there is one: "Fauske - Fuossko". */
  name: string;
  shortName: string;
  county: string;
  countyName: string;
  adminCentre: string;
  population2024: number;
  population2025: number;
  population2026: number;
  baRegion: string;
  baRegionName: string;
  baCentre: boolean;
  /** TØI 2019: car minutes from the municipality centre to the BA-region centre; undefined for Haram. */
  baTravelMinutes: number | undefined;
  /** A computed interior point of the municipality, not its administrative centre. */
  lat: number;
  lon: number;
  areaKm2: number;
}>;

export const ATTRIBUTION =
  'Befolkning: Statistisk sentralbyrå (tabell 07459), CC BY 4.0. Kommunegrenser: © Kartverket, CC BY 4.0. ' +
  'BA-regioner: TØI rapport 1713/2019 for KMD (regjeringen.no).';

const REQUIRED = [
  'kommunenummer',
  'kommunenavn',
  'kommunenavn_kort',
  'fylkesnummer',
  'fylkesnavn',
  'adm_senter',
  'folketall_2024',
  'folketall_2025',
  'folketall_2026',
  'ba_nr',
  'ba_navn',
  'ba_senter',
  'ba_reisetid_min',
  'punkt_lat',
  'punkt_lon',
  'areal_km2',
] as const;

/** Parses the embedded CSV. Throws on a malformed file: it ships with the program. */
export function parseEmbeddedMunicipalities(csvText: string): EmbeddedMunicipality[] {
  const t = csvTable(csvText, 'kommuner_2024.csv', REQUIRED);
  return t.rows.map((r) => {
    const get = (k: (typeof REQUIRED)[number]) => t.get(r, k);
    const travel = get('ba_reisetid_min');
    return {
      number: get('kommunenummer'),
      name: get('kommunenavn'),
      shortName: get('kommunenavn_kort'),
      county: get('fylkesnummer'),
      countyName: get('fylkesnavn'),
      adminCentre: get('adm_senter'),
      population2024: Number(get('folketall_2024')),
      population2025: Number(get('folketall_2025')),
      population2026: Number(get('folketall_2026')),
      baRegion: get('ba_nr'),
      baRegionName: get('ba_navn'),
      baCentre: get('ba_senter') === 'True',
      baTravelMinutes: travel === '' ? undefined : Number(travel),
      lat: Number(get('punkt_lat')),
      lon: Number(get('punkt_lon')),
      areaKm2: Number(get('areal_km2')),
    };
  });
}

/** What the reader may fill in from the embedded data, by municipality number. */
export function referenceMap(data: readonly EmbeddedMunicipality[]): Map<string, ReferenceMunicipality> {
  return new Map(
    data.map((m) => [
      m.number,
      { name: m.name, county: m.county, baRegion: m.baRegion, baRegionName: m.baRegionName, lat: m.lat, lon: m.lon },
    ]),
  );
}

/** Short names ("Fauske", "Hamarøy") as extra names for the resolver. */
export function extraNames(data: readonly EmbeddedMunicipality[]): Map<string, string[]> {
  return new Map(data.map((m) => [m.number, [m.shortName]]));
}

/** What readWorkbook takes from the embedded data: what fills blanks, the other names municipalities go by, and the network. */
export function embeddedReadOptions(data: readonly EmbeddedMunicipality[], network?: TravelNetwork): ReadOptions {
  return { reference: referenceMap(data), extraNames: extraNames(data), network };
}
