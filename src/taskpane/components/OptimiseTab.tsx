import { Button, Checkbox, Field, Input, ProgressBar, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { OptimizeRequest } from '../../optimize/fromInput';
import type { Scenario } from '../../domain/types';
import type { Language } from '../../io/problems';
import type { Planner, Rules } from '../planner';
import { usePane } from '../paneContext';
import { selectOffices, selectProgress, selectRules, selectValue, type OptimiseForm, type Phase, type ProgressView } from '../store';
import { fmt, pct, useLanguage, useWords, type Words } from '../i18n';
import { ActionNotice, Section, useCommonStyles, useValidity, NumberField } from './common';
export type { Solve } from '../runController';

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

/** A run's phase in the planner's words. */
export function phaseText(w: Words, phase: Phase | undefined, offices: number | undefined): string {
  switch (phase?.kind) {
    case undefined:
    case 'best':
      return w.phase.best(offices);
    case 'alternative':
      return w.phase.alternative;
    case 'curve':
      return w.phase.curve(phase.index, phase.of, phase.offices);
    case 'writing':
      return phase.sheet && phase.of ? w.phase.writingSheet(phase.sheet, phase.of) : w.phase.writing;
  }
}

/** The run's buttons: focus follows the one that can be used, and the time left counts down. */
function useRunFocus(busy: boolean) {
  const runRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [, tick] = useState(0);
  // Focus follows the button that can be used: Cancel while a run goes, Optimise after it.
  useEffect(() => {
    const active = typeof document === 'undefined' ? null : document.activeElement;
    const lost = active === null || active === document.body;
    if (busy && (lost || active === runRef.current)) cancelRef.current?.focus();
    if (!busy && (lost || active === cancelRef.current)) runRef.current?.focus();
  }, [busy]);
  // The time left counts down between the optimiser's reports.
  useEffect(() => {
    if (!busy) return undefined;
    const t = setInterval(() => tick((k) => k + 1), 1000);
    return () => clearInterval(t);
  }, [busy]);
  return { runRef, cancelRef };
}

/** The optimiser's request from the form; throws a message naming the bad lock. */
function requestOf(
  form: OptimiseForm,
  offices: number,
  baseline: Scenario | undefined,
  badLock: (part: string) => string,
): OptimizeRequest {
  return {
    offices: form.mode === 'count' ? offices : undefined,
    officeCostMinutes: form.mode === 'cost' ? form.officeCost : undefined,
    forcedHosts: numbers(form.forced),
    forbiddenHosts: numbers(form.forbidden),
    locks: parseLocks(form.locked, badLock),
    servicePoints: form.servicePoints,
    ...(form.servicePoints && form.keepLocations && baseline ? { keepLocations: baseline } : {}),
    ...(form.keepExisting && baseline ? { keepExisting: baseline } : {}),
    ...(form.anyHost ? { anyHost: true } : {}),
  };
}

/** The search's best figures so far (incumbent, bound, gap), each as a short phrase. */
function figuresText(w: Words, lang: Language, f: ProgressView['figures'], population: number): string[] {
  const minutes = (x: number | null | undefined) =>
    x === null || x === undefined ? undefined : `${fmt(lang, x / population, 2)} ${w.minutes}`;
  return f
    ? [
        minutes(f.incumbent) && `${w.incumbent} ${minutes(f.incumbent)}`,
        minutes(f.bound) && `${w.bound} ${minutes(f.bound)}`,
        f.gap !== null && `${w.gap} ${pct(lang, f.gap, 2)}`,
      ].filter((x): x is string => Boolean(x))
    : [];
}

/**
 * Optimaliser: the rules and a run with its progress and cancel; the result becomes a
 * scenario. A view over the pane's store: what was typed and the run (owned by the pane's
 * RunController) live above the tabs, so they survive a tab change; the form is read-only
 * while a run goes, and focus moves to Cancel and back so it never falls to the page.
 */
export function OptimiseTab({ planner }: { planner: Planner }) {
  const w = useWords();
  const lang = useLanguage();
  const s = useCommonStyles();
  const { state, dispatch, controller } = usePane();
  const { report, invalid } = useValidity();
  const [parseError, setParseError] = useState<string | undefined>();
  const form = state.form;
  const set = (patch: Partial<OptimiseForm>) => dispatch({ type: 'form', patch });
  const busy = state.run.running;
  const { runRef, cancelRef } = useRunFocus(busy);
  const value = selectValue(state);
  const n = value?.municipalities.length ?? 0;
  const offices = selectOffices(state, n);
  const rules = selectRules(state, planner.rules);

  if (!value) return <Text>{w.needData}</Text>;
  const population = value.municipalities.reduce((a, m) => a + m.population, 0);
  const baseline = planner.baseline();

  const start = () => {
    setParseError(undefined);
    let req: OptimizeRequest;
    try {
      req = requestOf(form, offices, baseline, w.badLock);
    } catch (e) {
      setParseError((e as Error).message);
      return;
    }
    // The rules are saved in the workbook only with a result (Planner.writeOptimised): a run
    // that fails leaves the workbook as it was.
    controller.start({ req, rules, timeLimitSeconds: form.timeLimit });
  };

  const progress = selectProgress(state, Date.now());
  const notice = parseError ? { intent: 'error' as const, text: parseError } : state.run.notice?.(w);
  return (
    <div className={s.stack}>
      <Section title={w.rules}>
        {busy && (
          <Text size={200} role="note">
            {w.formLocked}
          </Text>
        )}
        <RuleFields rules={rules} busy={busy} report={report} set={set} />
        <SearchFields form={form} offices={offices} n={n} baseline={baseline} busy={busy} report={report} set={set} />
      </Section>
      <div className={s.row}>
        <Button ref={runRef} appearance="primary" disabled={busy || invalid} onClick={start}>
          {w.run}
        </Button>
        <Button ref={cancelRef} disabled={!busy || state.run.cancelling || !controller.cancellable} onClick={() => controller.cancel()}>
          {state.run.cancelling ? w.cancelling : w.cancel}
        </Button>
      </div>
      {invalid && !busy && (
        <Text size={200} role="note">
          {w.fixFields}
        </Text>
      )}
      <ActionNotice notice={busy ? undefined : notice} />
      {busy && progress && (
        <RunProgress
          progress={progress}
          offices={form.mode === 'count' ? offices : undefined}
          figures={figuresText(w, lang, progress.figures, population)}
        />
      )}
      {!busy && state.run.summary.length > 0 && (
        <Section title={w.result}>
          {state.run.summary.map((line, i) => (
            <Text key={i} size={200}>
              {line}
            </Text>
          ))}
        </Section>
      )}
    </div>
  );
}

/** What the form's fields share: read-only while a run goes, their validity reported, a change dispatched. */
type FieldsProps = Readonly<{
  busy: boolean;
  report: (field: string) => (ok: boolean) => void;
  set: (patch: Partial<OptimiseForm>) => void;
}>;

/** The rules an office must meet: its least FTE, travel without a service point, owners, one BA region. */
function RuleFields({ rules, busy, report, set }: FieldsProps & { rules: Rules }) {
  const w = useWords();
  return (
    <>
      <NumberField
        label={w.minFte}
        min={0}
        max={1000}
        value={rules.minFte}
        disabled={busy}
        onValidity={report('minFte')}
        onChange={(x) => set({ rules: { ...rules, minFte: x } })}
      />
      <NumberField
        onValidity={report('maxTravel')}
        label={w.maxTravel}
        min={0}
        max={1000}
        step={5}
        disabled={busy}
        value={rules.maxTravelWithoutServicePoint}
        onChange={(x) => set({ rules: { ...rules, maxTravelWithoutServicePoint: x } })}
      />
      <NumberField
        label={w.maxOwners}
        onValidity={report('maxOwners')}
        min={1}
        max={100}
        integer
        disabled={busy}
        value={rules.maxOwners}
        onChange={(x) => set({ rules: { ...rules, maxOwners: x } })}
      />
      <Checkbox
        label={w.sameBa}
        disabled={busy}
        checked={rules.requireSameBaRegion}
        onChange={(_, d) => set({ rules: { ...rules, requireSameBaRegion: d.checked === true } })}
      />
    </>
  );
}

/** What the search looks for: a count or a cost per office, hosts forced, forbidden and locked, service points, time. */
function SearchFields(p: FieldsProps & { form: OptimiseForm; offices: number; n: number; baseline: Scenario | undefined }) {
  const w = useWords();
  const { form, busy, report, set, baseline } = p;
  return (
    <>
      <Field label={w.countMode} size="small">
        <RadioGroup value={form.mode} disabled={busy} onChange={(_, d) => set({ mode: d.value as 'count' | 'cost' })}>
          <Radio value="count" label={w.byCount} />
          <Radio value="cost" label={w.byCost} />
        </RadioGroup>
      </Field>
      {form.mode === 'count' ? (
        <NumberField
          label={w.officeCount}
          min={1}
          max={Math.max(1, p.n)}
          integer
          disabled={busy}
          value={p.offices}
          onValidity={report('offices')}
          onChange={(x) => set({ offices: x })}
        />
      ) : (
        <NumberField
          label={w.officeCost}
          min={0}
          max={1000}
          step={0.5}
          disabled={busy}
          value={form.officeCost}
          onValidity={report('officeCost')}
          onChange={(x) => set({ officeCost: x })}
        />
      )}
      <Field label={w.forcedHosts} size="small">
        <Input size="small" disabled={busy} value={form.forced} onChange={(_, d) => set({ forced: d.value })} placeholder="1804" />
      </Field>
      <Field label={w.forbiddenHosts} size="small">
        <Input size="small" disabled={busy} value={form.forbidden} onChange={(_, d) => set({ forbidden: d.value })} />
      </Field>
      <Field label={w.locks} size="small">
        <Input size="small" disabled={busy} value={form.locked} onChange={(_, d) => set({ locked: d.value })} placeholder="1839=1804" />
      </Field>
      <Checkbox
        label={w.servicePoints}
        disabled={busy}
        checked={form.servicePoints}
        onChange={(_, d) => set({ servicePoints: d.checked === true })}
      />
      <Checkbox
        label={baseline ? w.keepLocations : `${w.keepLocations} (${w.needsOffices})`}
        disabled={busy || !baseline || !form.servicePoints}
        checked={form.keepLocations && form.servicePoints && !!baseline}
        onChange={(_, d) => set({ keepLocations: d.checked === true })}
      />
      <Checkbox
        label={baseline ? w.keepExisting : `${w.keepExisting} (${w.needsOffices})`}
        disabled={busy || !baseline}
        checked={form.keepExisting && !!baseline}
        onChange={(_, d) => set({ keepExisting: d.checked === true })}
      />
      <Checkbox label={w.anyHost} disabled={busy} checked={form.anyHost} onChange={(_, d) => set({ anyHost: d.checked === true })} />
      <NumberField
        label={w.timeLimit}
        min={1}
        max={3600}
        disabled={busy}
        value={form.timeLimit}
        onValidity={report('timeLimit')}
        onChange={(x) => set({ timeLimit: x })}
      />
    </>
  );
}

/** The run's progress bar: its phase, share done, time spent and left, and the best figures so far. */
function RunProgress({ progress, offices, figures }: { progress: ProgressView; offices: number | undefined; figures: string[] }) {
  const w = useWords();
  const left = progress.remainingSeconds;
  return (
    <Field
      label={`${w.running}: ${phaseText(w, progress.phase, offices)}`}
      validationState="none"
      validationMessage={[
        `${Math.round(progress.fraction * 100)} %`,
        w.elapsed(w.seconds(progress.elapsedSeconds)),
        ...(left !== undefined ? [w.remaining(w.seconds(left))] : []),
        ...figures,
      ].join(' · ')}
    >
      <ProgressBar
        value={progress.fraction}
        max={1}
        aria-label={w.runProgress}
        aria-valuetext={`${Math.round(progress.fraction * 100)} %`}
      />
    </Field>
  );
}
