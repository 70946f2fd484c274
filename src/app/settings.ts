/**
 * The pane's two small use cases that are not a computation: the settings Kontorplan keeps in
 * the workbook (the planner's column mapping and rules), and going to a problem's cell.
 */
import { asMapping, type ColumnMapping } from '../io/mapping';
import type { SelectPort, SettingsPort } from '../workbook/port';

/** The rules the planner sets in the task pane, kept in the workbook with the mapping. */
export type Rules = Readonly<{
  minFte: number;
  maxTravelWithoutServicePoint: number;
  maxOwners: number;
  requireSameBaRegion: boolean;
}>;

export type Settings = Readonly<{ mapping?: ColumnMapping; rules?: Partial<Rules> }>;

/** The rules of a stored setting: only numbers and the flag of the right type; anything else is dropped. */
function asRules(v: unknown): Partial<Rules> {
  if (typeof v !== 'object' || v === null) return {};
  const r = v as Record<string, unknown>;
  const out: Record<string, number | boolean> = {};
  for (const k of ['minFte', 'maxTravelWithoutServicePoint', 'maxOwners'] as const)
    if (typeof r[k] === 'number' && Number.isFinite(r[k])) out[k] = r[k];
  if (typeof r.requireSameBaRegion === 'boolean') out.requireSameBaRegion = r.requireSameBaRegion;
  return out as Partial<Rules>;
}

/** The settings the workbook holds (as of its last read), whatever a co-author or an older version stored there. */
export function settingsOf(wb: SettingsPort): Settings {
  const stored = wb.settings as { mapping?: unknown; rules?: unknown } | undefined;
  return { mapping: asMapping(stored?.mapping), rules: asRules(stored?.rules) };
}

/** Keeps the mapping and rules in the workbook. */
export async function saveSettings(wb: SettingsPort, settings: Settings): Promise<void> {
  await wb.saveSettings(settings);
}

/** Selects a problem's cell (its sheet's first cell when it names none) for the planner. */
export async function selectCell(wb: SelectPort, at: Readonly<{ sheet: string; cell?: string }>): Promise<void> {
  await wb.select(at.sheet, at.cell);
}
