import { asMunicipalityNumber, type Municipality, type WithinMunicipality } from '../domain/types';
import type { ReferenceMunicipality } from '../io/readMunicipalities';
import type { ReadOptions } from '../io/readWorkbook';
import type { TravelNetwork } from '../travel/network';
import { csvTable } from './csv';

/**
 * The embedded municipality dataset (assets/kommuner_2024.csv): all 357 municipalities in
 * the 2024 structure. Sources and licences: docs/data.md.
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
  /** TØI's basis for the municipality's place in its region ("Senterkommune", "Restkommune, egen BA-region", …). */
  baBasis: string;
  /**
   * The point travel is estimated from: the administrative centre (assets/kommunesentre_2024.csv),
   * or, where that table is not given, a computed interior point of the municipality.
   */
  lat: number;
  lon: number;
  /** What `lat`/`lon` are: the administrative centre (and how it was matched), or the interior point. */
  pointSource: string;
  areaKm2: number;
  /** Where the inhabitants are, from SSB's 250 m grid (absent without the centres table). */
  people?: PeopleAroundCentre;
}>;

/** How far a municipality's inhabitants live from its administrative centre (SSB's 250 m grid, 2022). */
export type PeopleAroundCentre = Readonly<{
  /** Population-weighted centre of the grid cells in the municipality. */
  lat: number;
  lon: number;
  gridPopulation: number;
  /** Population-weighted mean and 90th percentile of the straight-line km from a cell to the centre. */
  meanKmToCentre: number;
  p90KmToCentre: number;
}>;

export const ATTRIBUTION =
  'Befolkning: Statistisk sentralbyrå (tabell 07459 og befolkning på rutenett 2019/2022), CC BY 4.0. Kommunegrenser: © Kartverket, CC BY 4.0. ' +
  'Administrasjonssentre: GeoNames, CC BY 4.0. BA-regioner og reisetider: TØI rapport 1713/2019 for KMD (regjeringen.no).';

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
  'ba_grunnlag',
  'punkt_lat',
  'punkt_lon',
  'areal_km2',
] as const;

const CENTRE_COLUMNS = [
  'kommunenummer',
  'senter_lat',
  'senter_lon',
  'senter_kilde',
  'befolkning_lat',
  'befolkning_lon',
  'rutenett_folketall',
  'snitt_km_til_senter',
  'p90_km_til_senter',
] as const;

type Centre = Readonly<{ lat: number; lon: number; source: string; people: PeopleAroundCentre }>;

/** Parses assets/kommunesentre_2024.csv (built by scripts/build-centres.mjs). Throws on a malformed file. */
export function parseCentres(csvText: string): Map<string, Centre> {
  const t = csvTable(csvText, 'kommunesentre_2024.csv', CENTRE_COLUMNS);
  const out = new Map<string, Centre>();
  for (const r of t.rows) {
    const num = (k: (typeof CENTRE_COLUMNS)[number]): number => {
      const v = Number(t.get(r, k));
      if (t.get(r, k) === '' || !Number.isFinite(v)) throw new Error(`kommunesentre_2024.csv: ${t.get(r, 'kommunenummer')} lacks ${k}`);
      return v;
    };
    out.set(t.get(r, 'kommunenummer'), {
      lat: num('senter_lat'),
      lon: num('senter_lon'),
      source: `administrasjonssenter (${t.get(r, 'senter_kilde')})`,
      people: {
        lat: num('befolkning_lat'),
        lon: num('befolkning_lon'),
        gridPopulation: num('rutenett_folketall'),
        meanKmToCentre: num('snitt_km_til_senter'),
        p90KmToCentre: num('p90_km_til_senter'),
      },
    });
  }
  return out;
}

/**
 * Parses the embedded CSV, with the administrative centres and where people live from
 * `centresCsv` when given (else the interior points). Throws on a malformed file: it ships
 * with the program.
 */
export function parseEmbeddedMunicipalities(csvText: string, centresCsv?: string): EmbeddedMunicipality[] {
  const t = csvTable(csvText, 'kommuner_2024.csv', REQUIRED);
  const centres = centresCsv === undefined ? undefined : parseCentres(centresCsv);
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
      baBasis: get('ba_grunnlag'),
      ...pointOf(get('kommunenummer'), Number(get('punkt_lat')), Number(get('punkt_lon')), centres),
      areaKm2: Number(get('areal_km2')),
    };
  });
}

function pointOf(
  number: string,
  lat: number,
  lon: number,
  centres: ReadonlyMap<string, Centre> | undefined,
): Pick<EmbeddedMunicipality, 'lat' | 'lon' | 'pointSource' | 'people'> {
  if (!centres) return { lat, lon, pointSource: 'indre punkt (ikke administrasjonssenteret)' };
  const c = centres.get(number);
  if (!c) throw new Error(`kommunesentre_2024.csv lacks ${number}`);
  return { lat: c.lat, lon: c.lon, pointSource: c.source, people: c.people };
}

/**
 * TØI's own-region time: for a region's centre municipality and a municipality that is its own
 * region, the BA table's travel time is the inhabitants' car time to the municipality's own
 * centre (it follows 1.5 + 1.65 min per straight km of the grid's mean distance, median error
 * 2 min: docs/travel.md), not a trip to another municipality.
 */
export function ownRegionMinutes(m: EmbeddedMunicipality): number | undefined {
  const own = m.baBasis.startsWith('Senterkommune') || m.baBasis.startsWith('Restkommune');
  return own ? m.baTravelMinutes : undefined;
}

/** TØI's own-region minutes and the grid's mean km, as a municipality's within-municipality data. */
export function withinOf(m: EmbeddedMunicipality): WithinMunicipality {
  const minutes = ownRegionMinutes(m);
  return { ...(minutes !== undefined ? { minutes, source: 'toi' as const } : {}), meanKmToCentre: m.people?.meanKmToCentre };
}

/** The embedded municipalities as the reader gives them from a Kommuner sheet (population 1 Jan 2026). */
export function asMunicipalities(data: readonly EmbeddedMunicipality[]): Municipality[] {
  return data.map((m, row) => ({
    number: asMunicipalityNumber(m.number),
    name: m.name,
    population: m.population2026,
    county: m.county,
    baRegion: m.baRegion,
    baRegionName: m.baRegionName,
    lat: m.lat,
    lon: m.lon,
    within: withinOf(m),
    row,
  }));
}

/** What the reader may fill in from the embedded data, by municipality number. */
export function referenceMap(data: readonly EmbeddedMunicipality[]): Map<string, ReferenceMunicipality> {
  return new Map(
    data.map((m) => [
      m.number,
      {
        name: m.name,
        county: m.county,
        baRegion: m.baRegion,
        baRegionName: m.baRegionName,
        lat: m.lat,
        lon: m.lon,
        within: withinOf(m),
      },
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
