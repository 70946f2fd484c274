import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
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
  run: (f: () => Promise<string | void>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>();
  const run = useCallback(async (f: () => Promise<string | void>) => {
    setBusy(true);
    setNotice(undefined);
    try {
      const done = await f();
      if (done) setNotice({ intent: 'success', text: done });
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
