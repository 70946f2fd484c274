import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { OfficeScore, ScenarioScore } from '../../scoring/score';
import { fmt, useLanguage, useWords } from '../i18n';
import { shortName, useCommonStyles } from './common';

/** assets/kommuner_kart.json: rings of 0.1 km coordinates per municipality number (scripts/build-map.js). */
type MapData = { source: string; municipalities: Record<string, number[][]> };

let cached: Promise<MapData> | undefined;
/** The shipped map, fetched once from the add-in's own origin. */
function loadMap(): Promise<MapData> {
  cached ??= fetch('kommuner_kart.json').then((r) => {
    if (!r.ok) throw new Error(`kart: ${r.status}`);
    return r.json() as Promise<MapData>;
  });
  return cached;
}

// Distinct, colour-blind-friendly hues (Okabe–Ito and Tol).
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#332288',
  '#88CCEE',
  '#44AA99',
  '#117733',
  '#999933',
  '#AA4499',
  '#882255',
  '#DDCC77',
];
/** Beyond the palette, the same hues again with a pattern over them: plain, stripes, dots, cross-hatch. */
export const PATTERNS = ['plain', 'stripes', 'dots', 'cross'] as const;
export type Fill = Readonly<{ colour: string; pattern: (typeof PATTERNS)[number] }>;

/** Office k's fill: its colour and pattern, distinct for up to 60 offices. */
export function fillOf(k: number): Fill {
  return { colour: PALETTE[k % PALETTE.length]!, pattern: PATTERNS[Math.floor(k / PALETTE.length) % PATTERNS.length]! };
}

const patternId = (k: number) => `kp-office-${k}`;

/**
 * The host markers' radius in map units: 3 px on the 420 px high map, smaller when there are
 * so many hosts that they would cover more than half a per cent of the map together, never
 * under 1 px (our choices, so that a county's hosts stand out and the country's do not cover it).
 */
export function markerRadius(width: number, height: number, hosts: number, shownPixels = 420): number {
  const unitsPerPixel = Math.max(width, height) / shownPixels;
  const areaPixels = (width * height) / (unitsPerPixel * unitsPerPixel);
  const px = Math.min(3, Math.max(1, Math.sqrt((0.005 * areaPixels) / (Math.PI * Math.max(1, hosts)))));
  return px * unitsPerPixel;
}

const useStyles = makeStyles({
  svg: { width: '100%', height: 'auto', maxHeight: '420px', display: 'block', backgroundColor: tokens.colorNeutralBackground2 },
  caption: { color: tokens.colorNeutralForeground3 },
  legend: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: '2px',
  },
  swatch: { width: '14px', height: '14px', flexShrink: 0, border: `1px solid ${tokens.colorNeutralStroke1}`, display: 'inline-block' },
  legendButton: { minWidth: 0, paddingLeft: '4px', paddingRight: '4px', fontWeight: tokens.fontWeightRegular },
  details: {
    padding: tokens.spacingVerticalXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

function Swatch({ k }: { k: number }) {
  const s = useStyles();
  const f = fillOf(k);
  return (
    <svg className={s.swatch} viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <rect width="14" height="14" fill={f.colour} />
      {f.pattern === 'stripes' && <path d="M0,7 L7,0 M0,14 L14,0 M7,14 L14,7" stroke="#000000" strokeOpacity={0.6} strokeWidth={1.75} />}
      {f.pattern === 'dots' &&
        [3.5, 10.5].flatMap((x) =>
          [3.5, 10.5].map((y) => <circle key={`${x},${y}`} cx={x} cy={y} r={1.4} fill="#000000" fillOpacity={0.6} />),
        )}
      {f.pattern === 'cross' && (
        <path d="M0,3.5 H14 M0,10.5 H14 M3.5,0 V14 M10.5,0 V14" stroke="#ffffff" strokeOpacity={0.8} strokeWidth={1.4} />
      )}
    </svg>
  );
}

/** The patterns of every office beyond the palette, for the map and the legend's swatches. */
function Patterns({ count, unit }: { count: number; unit: number }) {
  const u = unit;
  return (
    <defs>
      {Array.from({ length: count }, (_, k) => k)
        .filter((k) => fillOf(k).pattern !== 'plain')
        .map((k) => {
          const f = fillOf(k);
          return (
            <pattern key={k} id={patternId(k)} patternUnits="userSpaceOnUse" width={u} height={u}>
              <rect width={u} height={u} fill={f.colour} />
              {f.pattern === 'stripes' && <path d={`M0,${u} L${u},0`} stroke="#000000" strokeOpacity={0.6} strokeWidth={u / 4} />}
              {f.pattern === 'dots' && <circle cx={u / 2} cy={u / 2} r={u / 5} fill="#000000" fillOpacity={0.6} />}
              {f.pattern === 'cross' && (
                <path
                  d={`M0,${u / 2} L${u},${u / 2} M${u / 2},0 L${u / 2},${u}`}
                  stroke="#ffffff"
                  strokeOpacity={0.8}
                  strokeWidth={u / 5}
                />
              )}
            </pattern>
          );
        })}
    </defs>
  );
}

/** A municipality's outline on the map: its path, its office's index, whether it hosts it, and its largest ring's centre. */
type Shape = { number: string; d: string; office: number; host: boolean; cx: number; cy: number };
/** The drawn map: the shapes, the SVG's viewBox, the host markers' radius and the map's larger extent. */
type Drawn = { shapes: Shape[]; box: string; r: number; extent: number };
/** A bounding box, grown as the rings are traced. */
type Bounds = { x0: number; y0: number; x1: number; y1: number };

/** One municipality's rings as an SVG path, the centre of its largest ring, the box grown to cover them. */
function traceRings(rings: number[][], b: Bounds): { d: string; cx: number; cy: number } {
  let d = '';
  let best = { n: 0, cx: 0, cy: 0 };
  for (const r of rings) {
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < r.length; i += 2) {
      d += `${i === 0 ? 'M' : 'L'}${r[i]},${r[i + 1]}`;
      b.x0 = Math.min(b.x0, r[i]!);
      b.x1 = Math.max(b.x1, r[i]!);
      b.y0 = Math.min(b.y0, r[i + 1]!);
      b.y1 = Math.max(b.y1, r[i + 1]!);
      sx += r[i]!;
      sy += r[i + 1]!;
    }
    d += 'Z';
    if (r.length > best.n) best = { n: r.length, cx: (2 * sx) / r.length, cy: (2 * sy) / r.length };
  }
  return { d, cx: best.cx, cy: best.cy };
}

/** The scenario's members drawn from the map's rings, framed with a margin; undefined when none is on the map. */
function drawMap(map: MapData, score: ScenarioScore): Drawn | undefined {
  const officeOf = new Map<string, number>();
  score.offices.forEach((o, k) => o.members.forEach((m) => officeOf.set(m.number, k)));
  const b: Bounds = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  const shapes: Shape[] = [];
  for (const [number, office] of officeOf) {
    const rings = map.municipalities[number];
    if (!rings) continue;
    const { d, cx, cy } = traceRings(rings, b);
    shapes.push({ number, d, office, host: (score.offices[office]!.host as string) === number, cx, cy });
  }
  if (shapes.length === 0) return undefined;
  const { x0, y0, x1, y1 } = b;
  const extent = Math.max(x1 - x0, y1 - y0);
  const pad = (x1 - x0) * 0.03 + 1;
  const [bw, bh] = [x1 - x0 + 2 * pad, y1 - y0 + 2 * pad];
  return { shapes, box: `${x0 - pad} ${y0 - pad} ${bw} ${bh}`, r: markerRadius(bw, bh, score.offices.length), extent };
}

/**
 * The scenario's map: municipalities filled by office (colour, and a pattern beyond 15), hosts
 * marked with a small dot; a legend listing every office by host, each a button that shows the
 * office's details (and marks it on the map); clicking a municipality does the same. The same
 * facts as a table, for the keyboard and screen readers, one button away.
 */
/** `onSelect`: a municipality clicked on the map (the what-if tab picks its row). */
export function MapView({ score, onSelect }: { score: ScenarioScore; onSelect?: (number: string) => void }) {
  const w = useWords();
  const s = useStyles();
  const c = useCommonStyles();
  const [map, setMap] = useState<MapData | undefined>();
  const [failed, setFailed] = useState(false);
  const [chosen, setChosen] = useState<string | undefined>();
  const [asTable, setAsTable] = useState(false);
  useEffect(() => {
    loadMap().then(setMap, () => setFailed(true));
  }, []);
  useEffect(() => setChosen(undefined), [score]);

  const drawn = useMemo(() => (map ? drawMap(map, score) : undefined), [map, score]);

  const office: OfficeScore | undefined = score.offices.find((o) => o.host === chosen);
  const toggle = (
    <Button size="small" onClick={() => setAsTable(!asTable)} aria-expanded={asTable}>
      {asTable ? w.hideMapTable : w.showMapTable}
    </Button>
  );

  if (failed || !drawn)
    return (
      <div className={c.section}>
        {!failed && !map && <Text className={s.caption}>{w.mapLoading}</Text>}
        {toggle}
        {asTable && <MapTable score={score} />}
      </div>
    );
  return (
    <figure style={{ margin: 0 }} className={c.section}>
      <MapSvg
        score={score}
        drawn={drawn}
        picked={office ? score.offices.indexOf(office) : -1}
        onPick={(sh) => {
          setChosen(score.offices[sh.office]!.host);
          onSelect?.(sh.number);
        }}
      />
      <figcaption className={c.section}>
        <Text size={200} className={s.caption}>
          {w.map} {map && w.mapSource(map.source)}
        </Text>
        <MapLegend score={score} chosen={chosen} onChoose={setChosen} />
        {office && <OfficeDetails office={office} />}
        {toggle}
        {asTable && <MapTable score={score} />}
      </figcaption>
    </figure>
  );
}

/** The map itself: each municipality filled by its office (the picked office `picked` stands out), hosts dotted. */
function MapSvg({ score, drawn, picked: k, onPick }: { score: ScenarioScore; drawn: Drawn; picked: number; onPick: (sh: Shape) => void }) {
  const w = useWords();
  const s = useStyles();
  return (
    <svg className={s.svg} viewBox={drawn.box} role="img" aria-label={`${w.map} ${score.name}`}>
      <Patterns count={score.offices.length} unit={drawn.extent / 120} />
      {drawn.shapes.map((sh) => {
        const f = fillOf(sh.office);
        const picked = k === sh.office;
        return (
          <path
            key={sh.number}
            d={sh.d}
            data-office={sh.office}
            fill={f.pattern === 'plain' ? f.colour : `url(#${patternId(sh.office)})`}
            fillOpacity={k < 0 || picked ? 0.85 : 0.3}
            stroke={picked ? tokens.colorNeutralForeground1 : tokens.colorNeutralBackground1}
            strokeWidth={picked ? drawn.extent / 300 : drawn.extent / 1500}
            onClick={() => onPick(sh)}
            style={{ cursor: 'pointer' }}
          >
            <title>{`${score.offices[sh.office]!.members.find((m) => m.number === sh.number)?.name ?? sh.number} → ${score.offices[sh.office]!.hostName}`}</title>
          </path>
        );
      })}
      {drawn.shapes
        .filter((sh) => sh.host)
        .map((sh) => (
          <circle
            key={`h${sh.number}`}
            className="kp-host"
            cx={sh.cx}
            cy={sh.cy}
            r={drawn.r}
            fill="#ffffff"
            stroke="#000000"
            strokeWidth={drawn.r / 3}
            pointerEvents="none"
          />
        ))}
    </svg>
  );
}

/** Every office by host, each a toggle button that picks it (or lets it go). */
function MapLegend({
  score,
  chosen,
  onChoose,
}: {
  score: ScenarioScore;
  chosen: string | undefined;
  onChoose: (host: string | undefined) => void;
}) {
  const w = useWords();
  const s = useStyles();
  return (
    <ul className={s.legend} aria-label={w.mapLegend}>
      {score.offices.map((o, i) => (
        <li key={o.host}>
          <Button
            size="small"
            appearance={chosen === o.host ? 'primary' : 'subtle'}
            className={s.legendButton}
            aria-pressed={chosen === o.host}
            icon={<Swatch k={i} />}
            title={o.hostName}
            onClick={() => onChoose(chosen === o.host ? undefined : o.host)}
          >
            {shortName(o.hostName)}
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** The picked office: whether it passes, its members, FTE and travel. */
function OfficeDetails({ office }: { office: OfficeScore }) {
  const w = useWords();
  const lang = useLanguage();
  const s = useStyles();
  return (
    <div className={s.details} role="region" aria-live="polite" aria-label={`${w.officeDetails}: ${office.hostName}`}>
      <Text size={200} weight="semibold" block>
        {w.officeOf(shortName(office.hostName))} {office.pass ? `· ${w.ok}` : `· ${w.fails}`}
      </Text>
      <Text size={200} block>
        {office.members.length} {w.members.toLowerCase()} · {fmt(lang, office.fte, 1)} {w.fte} · {w.travel}{' '}
        {fmt(lang, office.weightedTravelMinutes, 1)}
      </Text>
      <Text size={200} block>
        {office.members.map((m) => shortName(m.name)).join(', ')}
      </Text>
    </div>
  );
}

/** The map's facts as a table: each municipality, its office and its travel to the host. */
function MapTable({ score }: { score: ScenarioScore }) {
  const w = useWords();
  const lang = useLanguage();
  const c = useCommonStyles();
  return (
    <div className={c.scroll}>
      <Table size="extra-small" className={c.table} aria-label={w.mapTable}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={c.key}>{w.municipality}</TableHeaderCell>
            <TableHeaderCell>{w.office}</TableHeaderCell>
            <TableHeaderCell className={c.num}>{w.travelToHost}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {score.offices.flatMap((o) =>
            o.members.map((m) => (
              <TableRow key={m.number}>
                <TableCell className={c.key} title={m.name}>
                  {shortName(m.name)}
                </TableCell>
                <TableCell>
                  {shortName(o.hostName)}
                  {m.isHost ? ` (${w.host.toLowerCase()})` : ''}
                </TableCell>
                <TableCell className={c.num}>{fmt(lang, m.travelToHostMinutes, 0)}</TableCell>
              </TableRow>
            )),
          )}
        </TableBody>
      </Table>
    </div>
  );
}
