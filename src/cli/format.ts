import type { Parameters } from '../domain/parameters';
import type { CellValue } from '../domain/sheets';
import { comparisonRows } from '../io/output';
import type { Language } from '../io/problems';
import { INDEX_MEANING, rankedList, sensitivityText, versusText } from '../io/verdictText';
import type { ScenarioScore } from '../app/shared';

const local = (x: number, decimals: number, lang: Language) =>
  x
    .toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    .replace(/\u00a0/g, ' ');

/** A value as the terminal shows it, following the sheet's Excel number format. */
export function formatValue(v: CellValue, format: string, lang: Language = 'nb'): string {
  if (v === null || v === undefined) return '–';
  if (typeof v !== 'number') return String(v);
  if (format.endsWith('%')) return `${local(v * 100, format.includes('.') ? 1 : 0, lang)}${lang === 'en' ? '%' : ' %'}`;
  const decimals = format.includes('.') ? format.split('.')[1]!.length : 0;
  return local(v, decimals, lang);
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => (l.length > width ? l.slice(0, width - 1) + '…' : l));
}

/**
 * The scenario comparison as a plain-text table no wider than `width` columns: measures
 * down, scenarios across (names wrapped over several header lines).
 */
export function comparisonTable(scores: readonly ScenarioScore[], p: Parameters, width = 100, lang: Language = 'nb'): string {
  const rows = comparisonRows(p, lang);
  const labelW = Math.max(...rows.map((r) => r.label.length));
  const unitW = Math.max(...rows.map((r) => r.unit.length));
  const fixed = labelW + unitW + 3;
  const colW = Math.max(9, Math.min(22, Math.floor((width - fixed) / Math.max(1, scores.length)) - 1));
  const perPage = Math.max(1, Math.floor((width - fixed) / (colW + 1)));
  const out: string[] = [];
  for (let start = 0; start < scores.length; start += perPage) {
    const page = scores.slice(start, start + perPage);
    const headers = page.map((s) => wrap(s.name, colW));
    const height = Math.max(...headers.map((h) => h.length));
    for (let line = 0; line < height; line++) {
      const cells = headers.map((h) => (h[line] ?? '').padStart(colW));
      out.push(`${''.padEnd(labelW)} ${''.padEnd(unitW)} ${cells.join(' ')}`.trimEnd());
    }
    out.push('-'.repeat(fixed + page.length * (colW + 1) - 1));
    for (const r of rows) {
      const cells = page.map((s) => formatValue(r.value(s), r.format, lang).padStart(colW));
      out.push(`${r.label.padEnd(labelW)} ${r.unit.padEnd(unitW)} ${cells.join(' ')}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * The scenarios in rank order (admissible first, then fewest breaches, then by rating), each inadmissible one with
 * its reason, wrapped to `width` columns with the continuation lines indented.
 */
export function rankingText(scores: readonly ScenarioScore[], lang: Language = 'nb', width = 100): string {
  return rankedList(scores, lang)
    .flatMap((line) => {
      const indent = line.startsWith('  ') ? '     ' : '  ';
      const [first, ...rest] = wrap(line.trim(), width - indent.length);
      const lead = line.startsWith('  ') ? '  ' : '';
      return [`${lead}${first ?? ''}`, ...rest.map((l) => `${indent}${l}`)];
    })
    .join('\n');
}

/** Each scenario's municipalities against the baseline: how many are worse off and the worst, wrapped. */
export function versusLines(scores: readonly ScenarioScore[], lang: Language = 'nb', width = 100): string {
  return scores
    .filter((s) => s.versus.baseline !== s.name)
    .flatMap((s) => {
      const [first, ...rest] = wrap(`${s.name}: ${versusText(s.versus, lang)}`, width - 2);
      return [first ?? '', ...rest.map((l) => `  ${l}`)];
    })
    .join('\n');
}

/** What the index means, and whether the order survives each weight halved or doubled, wrapped. */
export function indexText(scores: readonly ScenarioScore[], p: Parameters, lang: Language = 'nb', width = 100): string {
  return [INDEX_MEANING[lang], sensitivityText(scores[0]?.sensitivity ?? [], p, lang)].flatMap((t) => wrap(t, width)).join('\n');
}
