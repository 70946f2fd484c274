import { Button, Dropdown, Field, makeStyles, MessageBar, MessageBarBody, Option, SpinButton, tokens } from '@fluentui/react-components';
import type { CSSProperties } from 'react';
import { parseNumber } from '../../io/cells';
import { useWords } from '../i18n';
import { useCallback, useState, type ReactNode } from 'react';

export const useCommonStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'end' },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    fontSize: tokens.fontSizeBase200,
    minWidth: '280px',
    '& th': { whiteSpace: 'normal', verticalAlign: 'bottom', lineHeight: tokens.lineHeightBase200 },
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

/** Runs one user action at a time: busy while it runs, its error as a message, never an unhandled rejection. */
export function useAction(): {
  busy: boolean;
  notice: Notice | undefined;
  setNotice: (n: Notice | undefined) => void;
  run: (f: () => Promise<string | Notice | void>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>();
  const run = useCallback(async (f: () => Promise<string | Notice | void>) => {
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
  }, []);
  return { busy, notice, setNotice, run };
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
 * A number the planner types or steps: Norwegian text ("1 000", "0,5") is read, values are
 * kept within min–max, and what cannot be read leaves the value as it was.
 */
export function NumberField(p: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  onChange: (x: number) => void;
}) {
  return (
    <Field label={p.label} size="small">
      <SpinButton
        size="small"
        min={p.min}
        max={p.max}
        step={p.step ?? 1}
        value={p.value}
        onChange={(_, d) => {
          const x = d.value ?? parseNumber(d.displayValue ?? '');
          if (x === undefined || x === null || !Number.isFinite(x)) return;
          p.onChange(Math.min(p.max, Math.max(p.min, p.integer ? Math.round(x) : x)));
        }}
      />
    </Field>
  );
}

/** The button that writes sheets: runs `write` as the tab's action, re-reads, and says which sheets were written. */
export function WriteButton(p: {
  label: string;
  busy: boolean;
  disabled?: boolean;
  run: ReturnType<typeof useAction>['run'];
  write: () => Promise<string | readonly string[]>;
  onLoaded: () => void;
}) {
  const w = useWords();
  return (
    <Button
      appearance="primary"
      disabled={p.busy || p.disabled}
      onClick={() =>
        p.run(async () => {
          const names = await p.write();
          p.onLoaded();
          return `${w.written}: ${[names].flat().join(', ')}`;
        })
      }
    >
      {p.label}
    </Button>
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
