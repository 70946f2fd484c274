import { Button, Checkbox, Field, Input, ProgressBar, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { NotReadError, StaleDataError } from '../planner';
import type { Progress } from '../../optimize/exact';
import type { OptimizeRequest } from '../../optimize/fromInput';
import { lowestOfficeCount, sweepCounts } from '../../app/optimise';
import type { Planner, Rules } from '../planner';
import { CancelledError, runInWorker, WorkerStoppedError, type RunHandle } from '../solver';
import { fmt, pct, useLanguage, useWords } from '../i18n';
import { ActionNotice, Section, useAction, useCommonStyles, useValidity, NumberField } from './common';

const numbers = (v: string): string[] =>
  v
    .split(/[,;\s]+/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => x.padStart(4, '0'));

/** "1839=1804, 1840=1804": members locked to a host's office; a message naming the bad part otherwise. */
export function parseLocks(v: string, message: (part: string) => string): Map<string, string> {
  const locks = new Map<string, string>();
  for (const part of v
    .split(/[,;]+/)
    .map((x) => x.trim())
    .filter(Boolean)) {
    const m = /^(\d{1,4})\s*[=:→>-]+\s*(\d{1,4})$/.exec(part);
    if (!m) throw new Error(message(part));
    locks.set(m[1]!.padStart(4, '0'), m[2]!.padStart(4, '0'));
  }
  return locks;
}

/** Starts an optimisation (the Web Worker in the add-in). */
export type Solve = typeof runInWorker;

/**
 * Optimaliser: the rules, a run in the Web Worker with progress and cancel; the result becomes a
 * scenario. The tab stays mounted while other tabs are shown, so a run, its progress and
 * what was typed survive a tab change.
 */
export function OptimiseTab({
  planner,
  onLoaded,
  workerUrl,
  solve = runInWorker,
}: {
  planner: Planner;
  onLoaded: () => void;
  workerUrl: string;
  solve?: Solve;
}) {
  const w = useWords();
  const lang = useLanguage();
  const s = useCommonStyles();
  const { busy, notice, run } = useAction();
  const { report, invalid } = useValidity();
  const [rules, setRules] = useState<Rules>(planner.rules);
  const [mode, setMode] = useState<'count' | 'cost'>('count');
  const n = planner.loaded?.value?.municipalities.length ?? 0;
  // Untouched, the count follows the workbook (half its municipalities); typed, it is kept.
  const [typedOffices, setOffices] = useState<number | undefined>();
  const offices = typedOffices ?? Math.max(1, Math.round(n / 2));
  const [officeCost, setOfficeCost] = useState(5);
  const [forced, setForced] = useState('');
  const [forbidden, setForbidden] = useState('');
  const [locked, setLocked] = useState('');
  const [timeLimit, setTimeLimit] = useState(30);
  const [servicePoints, setServicePoints] = useState(true);
  const [keepLocations, setKeepLocations] = useState(false);
  const [keepExisting, setKeepExisting] = useState(false);
  const [stage, setStage] = useState<{ stage: string; progress?: Progress } | undefined>();
  const handle = useRef<RunHandle | undefined>(undefined);
  const [summary, setSummary] = useState<string[]>([]);

  if (!planner.loaded?.value) return <Text>{w.needData}</Text>;
  const population = planner.loaded.value.municipalities.reduce((a, m) => a + m.population, 0);
  const baseline = planner.baseline();
  const minutes = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${fmt(lang, x / population, 2)} ${w.minutes}`);

  const start = () =>
    run(async () => {
      setSummary([]);
      // The rules are saved in the workbook only with a result (Planner.writeOptimised): a run
      // that fails leaves the workbook as it was.
      const req: OptimizeRequest = {
        offices: mode === 'count' ? offices : undefined,
        officeCostMinutes: mode === 'cost' ? officeCost : undefined,
        forcedHosts: numbers(forced),
        forbiddenHosts: numbers(forbidden),
        locks: parseLocks(locked, w.badLock),
        servicePoints,
        ...(servicePoints && keepLocations && baseline ? { keepLocations: baseline } : {}),
        ...(keepExisting && baseline ? { keepExisting: baseline } : {}),
      };
      const pr = planner.optimisationProblem(req, rules);
      const lowest = lowestOfficeCount(pr.n, rules.maxOwners);
      handle.current = solve(
        workerUrl,
        pr,
        {
          timeLimitSeconds: timeLimit,
          sweepTimeLimitSeconds: Math.min(timeLimit, 10),
          heuristicSeconds: Math.min(2, timeLimit),
          alternatives: 1,
          within: 0.01,
          sweep: mode === 'count' ? sweepCounts(offices, lowest, pr.n, 5) : { min: lowest, max: pr.n },
        },
        (st, progress) => setStage((old) => ({ stage: st, progress: progress ?? (old?.stage === st ? old.progress : undefined) })),
      );
      try {
        let outcome;
        try {
          outcome = await handle.current.done;
        } catch (e) {
          const why =
            e instanceof CancelledError ? w.cancelledBeforeAny : e instanceof WorkerStoppedError ? w.workerStopped : (e as Error).message;
          throw new Error(`${why} ${w.rulesKept}`);
        }
        handle.current = undefined;
        const result = await planner.writeOptimised(req, pr, outcome, rules, (st) => setStage({ stage: w.stageOf[st] }));
        onLoaded();
        setSummary([...result.heading.slice(1)]);
        const said = w.optimisedOutcome(outcome.best.evaluation.offices, w.status[outcome.best.status], result.specs.length);
        return outcome.stopped ? { intent: 'warning' as const, text: `${w.cancelledNote} ${said}` } : said;
      } catch (e) {
        if (e instanceof StaleDataError) {
          onLoaded();
          throw new Error(w.staleData);
        }
        if (e instanceof NotReadError) throw new Error(w.notRead);
        throw e;
      } finally {
        handle.current = undefined;
        setStage(undefined);
      }
    });

  const p = stage?.progress;
  return (
    <div className={s.stack}>
      <Section title={w.rules}>
        <NumberField
          label={w.minFte}
          min={0}
          max={1000}
          value={rules.minFte}
          onValidity={report('minFte')}
          onChange={(x) => setRules({ ...rules, minFte: x })}
        />
        <NumberField
          onValidity={report('maxTravel')}
          label={w.maxTravel}
          min={0}
          max={1000}
          step={5}
          value={rules.maxTravelWithoutServicePoint}
          onChange={(x) => setRules({ ...rules, maxTravelWithoutServicePoint: x })}
        />
        <NumberField
          label={w.maxOwners}
          onValidity={report('maxOwners')}
          min={1}
          max={100}
          integer
          value={rules.maxOwners}
          onChange={(x) => setRules({ ...rules, maxOwners: x })}
        />
        <Checkbox
          label={w.sameBa}
          checked={rules.requireSameBaRegion}
          onChange={(_, d) => setRules({ ...rules, requireSameBaRegion: d.checked === true })}
        />
        <Field label={w.countMode} size="small">
          <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as 'count' | 'cost')}>
            <Radio value="count" label={w.byCount} />
            <Radio value="cost" label={w.byCost} />
          </RadioGroup>
        </Field>
        {mode === 'count' ? (
          <NumberField
            label={w.officeCount}
            min={1}
            max={Math.max(1, n)}
            integer
            value={offices}
            onValidity={report('offices')}
            onChange={setOffices}
          />
        ) : (
          <NumberField
            label={w.officeCost}
            min={0}
            max={1000}
            step={0.5}
            value={officeCost}
            onValidity={report('officeCost')}
            onChange={setOfficeCost}
          />
        )}
        <Field label={w.forcedHosts} size="small">
          <Input size="small" value={forced} onChange={(_, d) => setForced(d.value)} placeholder="1804" />
        </Field>
        <Field label={w.forbiddenHosts} size="small">
          <Input size="small" value={forbidden} onChange={(_, d) => setForbidden(d.value)} />
        </Field>
        <Field label={w.locks} size="small">
          <Input size="small" value={locked} onChange={(_, d) => setLocked(d.value)} placeholder="1839=1804" />
        </Field>
        <Checkbox label={w.servicePoints} checked={servicePoints} onChange={(_, d) => setServicePoints(d.checked === true)} />
        <Checkbox
          label={baseline ? w.keepLocations : `${w.keepLocations} (${w.needsOffices})`}
          disabled={!baseline || !servicePoints}
          checked={keepLocations && servicePoints && !!baseline}
          onChange={(_, d) => setKeepLocations(d.checked === true)}
        />
        <Checkbox
          label={baseline ? w.keepExisting : `${w.keepExisting} (${w.needsOffices})`}
          disabled={!baseline}
          checked={keepExisting && !!baseline}
          onChange={(_, d) => setKeepExisting(d.checked === true)}
        />
        <NumberField label={w.timeLimit} min={1} max={3600} value={timeLimit} onValidity={report('timeLimit')} onChange={setTimeLimit} />
      </Section>
      <div className={s.row}>
        <Button appearance="primary" disabled={busy || invalid} onClick={start}>
          {w.run}
        </Button>
        <Button disabled={!busy || !handle.current} onClick={() => handle.current?.cancel()}>
          {w.cancel}
        </Button>
      </div>
      {invalid && !busy && (
        <Text size={200} role="note">
          {w.fixFields}
        </Text>
      )}
      <ActionNotice notice={notice} />
      {busy && (
        <Field
          label={`${w.running}: ${stage?.stage ?? ''}`}
          validationState="none"
          validationMessage={
            p ? `${w.incumbent} ${minutes(p.incumbent)} · ${w.bound} ${minutes(p.bound)} · ${w.gap} ${pct(lang, p.gap, 2)}` : undefined
          }
        >
          <ProgressBar
            value={p?.gap !== null && p?.gap !== undefined ? Math.max(0, Math.min(1, 1 - p.gap)) : undefined}
            aria-label={w.running}
          />
        </Field>
      )}
      {summary.length > 0 && (
        <Section title={w.result}>
          {summary.map((line, i) => (
            <Text key={i} size={200}>
              {line}
            </Text>
          ))}
        </Section>
      )}
    </div>
  );
}
