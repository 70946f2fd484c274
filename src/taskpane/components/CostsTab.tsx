import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useMemo } from 'react';
import { usePane } from '../paneContext';
import type { CostsForm } from '../store';
import { KEY_LABELS } from '../../app/shared';
import { NotReadError } from '../planner';
import { formatProblem } from '../../io/problems';
import { DEFAULT_COST_PER_FTE } from '../../app/shared';
import type { CostKey, DriverId } from '../../costkeys/keys';
import type { Planner } from '../planner';
import { fmt, pct, useLanguage, useWords } from '../i18n';
import { NoticeBar, Section, shortName, useAction, useCommonStyles, useValidity, NumberField, WriteButton, Choice } from './common';

const DRIVERS: readonly DriverId[] = ['population', 'users', 'spending', 'fte'];
const KINDS = Object.keys(KEY_LABELS) as CostKey['kind'][];

/** The cost key the form describes: fixed share plus a driver, population against users, or a plain key. */
function costKeyOf({ kind, fixed, driver, mixPopulation }: CostsForm): CostKey {
  return kind === 'fixed-plus'
    ? { kind, fixed, driver }
    : kind === 'mix'
      ? {
          kind,
          weights: [
            ['population', mixPopulation],
            ['users', 1 - mixPopulation],
          ],
        }
      : { kind };
}

/** The office's split by the key, or the message saying why there is none. */
function splitOf(planner: Planner, ask: Parameters<Planner['costs']>[0], notRead: string) {
  let split: ReturnType<Planner['costs']> | undefined;
  let problem: string | undefined;
  try {
    split = planner.costs(ask);
  } catch (e) {
    problem = e instanceof NotReadError ? notRead : (e as Error).message;
  }
  return { split, problem };
}

/** Kostnadsnøkler: one office, one key and its parameters; the shares follow live; the sheet is written with formulas. */
export function CostsTab({ planner, version, onLoaded }: { planner: Planner; version: number; onLoaded: () => void }) {
  const w = useWords();
  const lang = useLanguage();
  const s = useCommonStyles();
  const { busy, notice, run } = useAction();
  const { report, invalid } = useValidity();
  const { state, dispatch } = usePane();
  const value = state.loaded?.value;
  const shared = useMemo(
    () => (value ? value.scenarios.filter((sc) => sc.offices.some((o) => o.members.length > 1)) : []),
    // `value` is mutable; `version` counts its changes, so it is what the memo depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [value, version],
  );
  // What was chosen lives in the pane's store (store.ts), above the tabs.
  const { scenario: scenarioName, host, kind, costPerFte } = state.costs;
  const set = (patch: Partial<CostsForm>) => dispatch({ type: 'costs', patch });
  const setHost = (x: string) => set({ host: x });
  if (!value || shared.length === 0) return <Text>{w.needData}</Text>;
  const scenario = shared.find((x) => x.name === scenarioName) ?? shared[0]!;
  const offices = scenario.offices.filter((o) => o.members.length > 1);
  const office = offices.find((o) => o.host === host) ?? offices[0]!;
  const names = new Map(value.municipalities.map((m) => [m.number as string, m.name]));
  const ask = {
    scenario: scenario.name,
    host: office.host,
    key: costKeyOf(state.costs),
    costPerFte: costPerFte ?? DEFAULT_COST_PER_FTE,
    costPerFteGiven: costPerFte !== undefined,
  };
  const { split, problem } = splitOf(planner, ask, w.notRead);

  return (
    <div className={s.stack}>
      <NoticeBar notice={problem ? { intent: 'error', text: problem } : undefined} />
      <Choice
        label={w.scenario}
        value={scenario.name}
        options={shared.map((x) => ({ value: x.name, text: x.name }))}
        onChange={(v) => set({ scenario: v })}
      />
      <Choice
        label={w.office}
        value={office.host}
        options={offices.map((o) => ({
          value: o.host,
          text: names.get(o.host) ?? o.host,
          label: `${names.get(o.host) ?? o.host} (${o.members.length})`,
        }))}
        onChange={setHost}
      />
      <KeyFields form={state.costs} report={report} set={set} />
      {split?.usedDefault && (
        <Text size={200} className={s.muted}>
          {w.assumedCost}
        </Text>
      )}
      {split?.warnings.map((x) => (
        <Text key={`${x.code}:${x.cell ?? x.sheet}`} size={200}>
          {formatProblem({ severity: 'warning', ...x }, lang)}
        </Text>
      ))}
      {split && <SplitTable split={split} title={`${names.get(office.host) ?? office.host}: ${w.keyLabels[kind] ?? KEY_LABELS[kind]}`} />}
      {invalid && (
        <Text size={200} role="note">
          {w.fixFields}
        </Text>
      )}
      <WriteButton
        label={w.writeCosts}
        busy={busy}
        disabled={!split || invalid}
        notice={notice}
        run={run}
        write={(onStage) => planner.writeCosts(ask, onStage)}
        onLoaded={onLoaded}
      />
    </div>
  );
}

/** The key and its parameters (fixed share and driver, or population's weight), and the cost per FTE. */
function KeyFields({
  form,
  report,
  set,
}: {
  form: CostsForm;
  report: (field: string) => (ok: boolean) => void;
  set: (patch: Partial<CostsForm>) => void;
}) {
  const w = useWords();
  const s = useCommonStyles();
  const { kind, fixed, driver, mixPopulation, costPerFte } = form;
  const setKind = (x: CostKey['kind']) => set({ kind: x });
  const setFixed = (x: number) => set({ fixed: x });
  const setDriver = (x: DriverId) => set({ driver: x });
  const setMixPopulation = (x: number) => set({ mixPopulation: x });
  const setCostPerFte = (x: number) => set({ costPerFte: x });
  return (
    <>
      <Choice
        label={w.key}
        value={kind}
        options={KINDS.map((k) => ({ value: k, text: w.keyLabels[k] ?? KEY_LABELS[k] }))}
        onChange={(v) => setKind(v as CostKey['kind'])}
      />
      {kind === 'fixed-plus' && (
        <div className={s.row}>
          <NumberField label={w.fixedShare} min={0} max={1} step={0.05} value={fixed} onValidity={report('fixed')} onChange={setFixed} />
          <Choice
            label={w.driver}
            value={driver}
            options={DRIVERS.map((id) => ({ value: id, text: w.driverLabels[id]! }))}
            onChange={(v) => setDriver(v as DriverId)}
          />
        </div>
      )}
      {kind === 'mix' && (
        <NumberField
          label={w.mixPopulation}
          min={0}
          max={1}
          step={0.1}
          value={mixPopulation}
          onValidity={report('mix')}
          onChange={setMixPopulation}
        />
      )}
      <NumberField
        label={w.costPerFte}
        min={0}
        max={10_000_000}
        step={10_000}
        value={costPerFte ?? DEFAULT_COST_PER_FTE}
        onValidity={report('costPerFte')}
        onChange={setCostPerFte}
      />
    </>
  );
}

/** Each member's share of the office's cost (amount, share, per capita, change) and the total. */
function SplitTable({ split, title }: { split: ReturnType<Planner['costs']>; title: string }) {
  const w = useWords();
  const lang = useLanguage();
  const s = useCommonStyles();
  return (
    <Section title={title}>
      <div className={s.scroll}>
        <Table size="extra-small" className={s.table} aria-label={w.key}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={s.key}>{w.members}</TableHeaderCell>
              <TableHeaderCell className={s.num}>{w.amount}</TableHeaderCell>
              <TableHeaderCell className={s.num}>{w.share}</TableHeaderCell>
              <TableHeaderCell className={s.num}>{w.perCapita}</TableHeaderCell>
              <TableHeaderCell className={s.num}>{w.change}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {split.split.shares.map((m) => (
              <TableRow key={m.number}>
                <TableCell className={s.key} title={m.name}>
                  {shortName(m.name)}
                </TableCell>
                <TableCell className={s.num}>{fmt(lang, m.amount)}</TableCell>
                <TableCell className={s.num}>{pct(lang, m.share)}</TableCell>
                <TableCell className={s.num}>{fmt(lang, m.perCapita)}</TableCell>
                <TableCell className={s.num}>{fmt(lang, m.change)}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell className={s.key}>
                <strong>{w.total}</strong>
              </TableCell>
              <TableCell className={s.num}>
                <strong>{fmt(lang, split.split.total)}</strong>
              </TableCell>
              <TableCell />
              <TableCell />
              <TableCell />
            </TableRow>
          </TableBody>
        </Table>
      </div>
    </Section>
  );
}
