import { makeStyles, tokens, Text } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { ScenarioScore } from '../../scoring/score';
import { useWords } from '../i18n';

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

// Distinct, colour-blind-friendly hues (Okabe–Ito and Tol), repeated for many offices.
const PALETTE = [
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

const useStyles = makeStyles({
  svg: { width: '100%', height: 'auto', maxHeight: '420px', display: 'block', backgroundColor: tokens.colorNeutralBackground2 },
  caption: { color: tokens.colorNeutralForeground3 },
});

/** `onSelect`: a municipality clicked on the map (the what-if tab picks its row). */
export function MapView({ score, onSelect }: { score: ScenarioScore; onSelect?: (number: string) => void }) {
  const w = useWords();
  const s = useStyles();
  const [map, setMap] = useState<MapData | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadMap().then(setMap, () => setFailed(true));
  }, []);

  const drawn = useMemo(() => {
    if (!map) return undefined;
    const officeOf = new Map<string, number>();
    score.offices.forEach((o, k) => o.members.forEach((m) => officeOf.set(m.number, k)));
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    const shapes: { number: string; d: string; office: number; host: boolean; cx: number; cy: number }[] = [];
    for (const [number, office] of officeOf) {
      const rings = map.municipalities[number];
      if (!rings) continue;
      let d = '';
      let best = { n: 0, cx: 0, cy: 0 };
      for (const r of rings) {
        let sx = 0;
        let sy = 0;
        for (let i = 0; i < r.length; i += 2) {
          d += `${i === 0 ? 'M' : 'L'}${r[i]},${r[i + 1]}`;
          x0 = Math.min(x0, r[i]!);
          x1 = Math.max(x1, r[i]!);
          y0 = Math.min(y0, r[i + 1]!);
          y1 = Math.max(y1, r[i + 1]!);
          sx += r[i]!;
          sy += r[i + 1]!;
        }
        d += 'Z';
        if (r.length > best.n) best = { n: r.length, cx: (2 * sx) / r.length, cy: (2 * sy) / r.length };
      }
      shapes.push({ number, d, office, host: (score.offices[office]!.host as string) === number, cx: best.cx, cy: best.cy });
    }
    if (shapes.length === 0) return undefined;
    const pad = (x1 - x0) * 0.03 + 1;
    return { shapes, box: `${x0 - pad} ${y0 - pad} ${x1 - x0 + 2 * pad} ${y1 - y0 + 2 * pad}`, r: Math.max(x1 - x0, y1 - y0) / 80 };
  }, [map, score]);

  if (failed) return null;
  if (!drawn) return <Text className={s.caption}>{map ? '' : w.mapLoading}</Text>;
  const names = new Map<string, string>(score.offices.flatMap((o) => o.members.map((m) => [m.number as string, m.name] as const)));
  return (
    <figure style={{ margin: 0 }}>
      <svg className={s.svg} viewBox={drawn.box} role="img" aria-label={`${w.map} ${score.name}`}>
        {drawn.shapes.map((sh) => (
          <path
            key={sh.number}
            d={sh.d}
            fill={PALETTE[sh.office % PALETTE.length]}
            fillOpacity={0.75}
            stroke="#ffffff"
            strokeWidth={drawn.r / 6}
            onClick={onSelect && (() => onSelect(sh.number))}
            style={onSelect && { cursor: 'pointer' }}
          >
            <title>{`${names.get(sh.number) ?? sh.number} → ${score.offices[sh.office]!.hostName}`}</title>
          </path>
        ))}
        {drawn.shapes
          .filter((sh) => sh.host)
          .map((sh) => (
            <circle key={`h${sh.number}`} cx={sh.cx} cy={sh.cy} r={drawn.r} fill="#ffffff" stroke="#000000" strokeWidth={drawn.r / 3} />
          ))}
      </svg>
      <figcaption>
        <Text size={200} className={s.caption}>
          {w.map} {map?.source}
        </Text>
      </figcaption>
    </figure>
  );
}
