import {
  Button,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  SpinButton,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import type { CSSProperties } from 'react';
import { parseNumber } from '../../io/cells';
import type { Language } from '../../io/problems';
import { useLanguage, useWords, type Words } from '../i18n';
import { NotReadError, StaleDataError, type OnStage, type Progress, type Stage } from '../planner';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

export const useCommonStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'end' },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    fontSize: tokens.fontSizeBase200,
    minWidth: '280px',
    // Columns as wide as their content (Fluent's fixed layout squeezes them until amounts run
    // into each other); the table scrolls sideways in its container instead.
    tableLayout: 'auto',
    '& th': { whiteSpace: 'normal', verticalAlign: 'bottom', lineHeight: tokens.lineHeightBase200 },
  },
  // The key column (the office, the measure) stays in view while the rest scrolls sideways.
  key: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `1px 0 0 ${tokens.colorNeutralStroke2}`,
  },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  // Fluent's dropdown is at least 250 px wide by default: too wide beside another in the 320 px pane.
  dropdown: { minWidth: 0, width: '100%', maxWidth: '100%' },
});

export type Notice = Readonly<{ intent: 'error' | 'success' | 'info' | 'warning'; text: string }>;

export function NoticeBar({ notice }: { notice: Notice | undefined }) {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}

/**
 * Runs one user action at a time: busy while it runs, its error as a message, never an
 * unhandled rejection. A message is in the language it was made in: when the planner switches
 * language it is put away rather than shown in the other.
 */
export function useAction(): {
  busy: boolean;
  notice: Notice | undefined;
  setNotice: (n: Notice | undefined) => void;
  /** Never rejects: a failure becomes the error notice, so a click handler may `void` it. */
  run: (f: () => Promise<string | Notice | void>) => Promise<void>;
} {
  const lang = useLanguage();
  const langRef = useRef(lang);
  langRef.current = lang;
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ notice: Notice; lang: Language } | undefined>();
  const setNotice = useCallback((n: Notice | undefined) => setSaid(n && { notice: n, lang: langRef.current }), []);
  const run = useCallback(
    async (f: () => Promise<string | Notice | void>) => {
      setBusy(true);
      setNotice(undefined);
      try {
        const done = await f();
        if (typeof done === 'string') setNotice({ intent: 'success', text: done });
        else if (done) setNotice(done);
      } catch (e) {
        setNotice({ intent: 'error', text: (e as Error).message });
      } finally {
        setBusy(false);
      }
    },
    [setNotice],
  );
  return { busy, notice: said?.lang === lang ? said.notice : undefined, setNotice, run };
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const s = useCommonStyles();
  return (
    <section className={s.section} aria-label={title}>
      <h2 style={{ fontSize: tokens.fontSizeBase400, margin: 0 }}>{title}</h2>
      {children}
    </section>
  );
}

/** A municipality's name without its Sámi or Kven form, for narrow tables (the full name is in the tooltip). */
export const shortName = (name: string): string => name.split(' - ')[0]!;

/**
 * Reads what the planner typed: Norwegian text ("1 000", "7,5", "−5") in Norwegian; in English
 * a dot is the decimal mark and commas group thousands ("1,000.5").
 */
export function readTyped(lang: Language, text: string): number | undefined {
  if (lang === 'en') {
    const t = text
      .trim()
      .replace(/[\s\u00a0\u202f]/g, '')
      .replace(/^\u2212/, '-');
    if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(t) || t === '' || t === '-' || t === '+') return undefined;
    return Number(t.replace(/,/g, ''));
  }
  return parseNumber(text);
}

/** A number as the field shows it: the user's decimal mark, no grouping, as many decimals as it has (up to 6). */
export const shownNumber = (lang: Language, x: number): string =>
  x.toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO', { useGrouping: false, maximumFractionDigits: 6 }).replace(/^\u2212/, '-');

/** Why a typed text is not a valid value of the field, in the user's words; undefined when it is. */
export function numberError(
  w: Words,
  lang: Language,
  text: string,
  f: Readonly<{ min: number; max: number; integer?: boolean }>,
): { error: string } | { value: number } {
  const x = readTyped(lang, text);
  if (x === undefined || !Number.isFinite(x)) return { error: w.notANumber(text.trim()) };
  if (f.integer && !Number.isInteger(x)) return { error: w.notInteger };
  if (x < f.min || x > f.max) return { error: w.outOfRange(shownNumber(lang, f.min), shownNumber(lang, f.max)) };
  return { value: x };
}

/** Which fields of a form hold a value that cannot be used; the form's action waits until none does. */
export function useValidity(): { report: (field: string) => (ok: boolean) => void; invalid: boolean } {
  const [bad, setBad] = useState<ReadonlySet<string>>(new Set());
  const report = useCallback(
    (field: string) => (ok: boolean) =>
      setBad((old) => {
        if (ok !== old.has(field)) return old;
        const next = new Set(old);
        if (ok) next.delete(field);
        else next.add(field);
        return next;
      }),
    [],
  );
  return { report, invalid: bad.size > 0 };
}

/**
 * A number the planner types, in a spin button (Fluent's SpinButton: arrows beside it and the
 * arrow keys step it, its role is spinbutton): shown as typed (7,5 stays 7,5), read as
 * Norwegian text in Norwegian; what cannot be used (not a number, not whole where it must be,
 * outside min–max) is never rewritten: the field says why, and the value stays the last good
 * one (reported through `onValidity`, so the action can wait). The arrows' names are in the
 * pane's language (Fluent's own are English).
 */
export function NumberField(p: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  onChange: (x: number) => void;
  onValidity?: (ok: boolean) => void;
  disabled?: boolean;
}) {
  const w = useWords();
  const lang = useLanguage();
  // What the planner is typing; undefined shows the value itself.
  const [text, setText] = useState<string | undefined>();
  const shown = text ?? shownNumber(lang, p.value);
  const checked = numberError(w, lang, shown, p);
  const error = 'error' in checked ? checked.error : undefined;
  const step = p.step ?? 1;
  const { onValidity } = p;
  useEffect(() => onValidity?.(error === undefined), [error, onValidity]);
  const set = (t: string) => {
    setText(t);
    const c = numberError(w, lang, t, p);
    if ('value' in c && c.value !== p.value) p.onChange(c.value);
  };
  const base = 'value' in checked ? checked.value : p.value;
  const stepTo = (x: number) => {
    const y = Math.min(p.max, Math.max(p.min, Math.round(x * 1e6) / 1e6));
    setText(undefined);
    if (y !== p.value) p.onChange(y);
  };
  return (
    <Field label={p.label} size="small" validationState={error ? 'error' : 'none'} validationMessage={error}>
      <SpinButton
        size="small"
        // Fluent steps from its own idea of the value (stale while text is typed, and typed
        // text read with parseFloat, "7,5" as 7): the arrows and arrow keys step from the value
        // read here instead, and Fluent's stepped values are not used.
        value={base}
        displayValue={shown}
        min={p.min}
        max={p.max}
        step={step}
        disabled={p.disabled}
        aria-invalid={error ? true : undefined}
        // What the arrow keys do, in the pane's language (not the browser's).
        aria-description={w.stepHint(shownNumber(lang, step))}
        inputMode={p.integer ? 'numeric' : 'decimal'}
        input={{ onChange: (e) => set(e.currentTarget.value) }}
        incrementButton={{ 'aria-label': w.stepUp(shownNumber(lang, step)), onClick: () => stepTo(base + step) }}
        decrementButton={{ 'aria-label': w.stepDown(shownNumber(lang, step)), onClick: () => stepTo(base - step) }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault();
            stepTo(base + (e.key === 'ArrowUp' ? step : -step));
          }
        }}
        // Typed text is read as it is typed (input's onChange); leaving the field shows the value as the pane writes it.
        onChange={(_, d) => d.value === undefined && error === undefined && setText(undefined)}
      />
    </Field>
  );
}

/**
 * An action's message, where the planner looks: placed beside the button that caused it and
 * scrolled into view when it appears or changes.
 */
export function ActionNotice({ notice }: { notice: Notice | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!notice) return undefined;
    const el = ref.current;
    el?.scrollIntoView?.({ block: 'nearest' });
    // Again once the page has settled (a re-read can still move what is above).
    const t = setTimeout(() => el?.scrollIntoView?.({ block: 'nearest' }), 100);
    return () => clearTimeout(t);
  }, [notice]);
  return <div ref={ref}>{notice && <NoticeBar notice={notice} />}</div>;
}

/**
 * What a long step is doing, in the pane's words ("Skriver ark 2 av 8 …"): `onStage` to hand
 * to the Planner, `label` for the spinner (undefined before the first stage), `clear` at the end.
 */
export function useStage(): { label: string | undefined; onStage: OnStage; clear: () => void } {
  const w = useWords();
  const [at, setAt] = useState<{ stage: Stage; progress?: Progress } | undefined>();
  const onStage = useCallback<OnStage>((stage, progress) => setAt({ stage, progress }), []);
  const clear = useCallback(() => setAt(undefined), []);
  const label = at && (at.progress ? w.writingSheet(at.progress.sheet, at.progress.of) : w.stageOf[at.stage]);
  return { label, onStage, clear };
}

/** The button that writes sheets: runs `write` as the tab's action, re-reads, and says what it wrote, beside itself. */
export function WriteButton(p: {
  label: string;
  busy: boolean;
  disabled?: boolean;
  notice: Notice | undefined;
  run: ReturnType<typeof useAction>['run'];
  write: (onStage: OnStage) => Promise<string | readonly string[]>;
  onLoaded: () => void;
}) {
  const w = useWords();
  const s = useCommonStyles();
  const [mine, setMine] = useState(false);
  const stage = useStage();
  return (
    <div className={s.section}>
      <div className={s.row}>
        <Button
          appearance="primary"
          // Busy, it stays focusable (aria-disabled), so focus does not fall to the page.
          disabled={p.disabled}
          disabledFocusable={p.busy && !p.disabled}
          onClick={() => {
            setMine(true);
            void p.run(async () => {
              try {
                const names = [await p.write(stage.onStage)].flat();
                p.onLoaded();
                return w.wroteSheets(names);
              } catch (e) {
                if (e instanceof StaleDataError) {
                  p.onLoaded();
                  throw new Error(w.staleData);
                }
                if (e instanceof NotReadError) throw new Error(w.notRead);
                throw e;
              } finally {
                stage.clear();
              }
            });
          }}
        >
          {p.label}
        </Button>
        {p.busy && mine && <Spinner size="tiny" label={stage.label ?? w.busy} />}
      </div>
      <ActionNotice notice={mine ? p.notice : undefined} />
    </div>
  );
}

/** An option of a Choice: `text` shows in the closed list, `label` (default `text`) in the open one. */
export type ChoiceOption = Readonly<{ value: string; text: string; label?: string }>;

/** A labelled dropdown of options by value, fitted to the narrow pane. */
export function Choice(p: {
  label: string;
  ariaLabel?: string;
  value: string;
  options: readonly ChoiceOption[];
  onChange: (value: string) => void;
  style?: CSSProperties;
}) {
  const s = useCommonStyles();
  return (
    <Field label={p.label} size="small" style={p.style}>
      <Dropdown
        size="small"
        className={s.dropdown}
        aria-label={p.ariaLabel}
        value={p.options.find((o) => o.value === p.value)?.text ?? ''}
        selectedOptions={[p.value]}
        onOptionSelect={(_, d) => d.optionValue !== undefined && p.onChange(d.optionValue)}
      >
        {p.options.map((o) => (
          <Option key={o.value} value={o.value} text={o.text}>
            {o.label ?? o.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
