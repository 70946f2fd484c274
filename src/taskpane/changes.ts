/**
 * Why the task pane should read the workbook again. The shared runtime keeps the pane alive
 * while it is closed, so it must be told: when it is shown again (Office.addin's
 * onVisibilityModeChanged), when the planner edits an input sheet (Worksheet.onChanged, through
 * Planner.onInputChanged), and when the ribbon command has written sheets.
 */
export type PaneEvent = 'shown' | 'edited' | 'written';

export class PaneEvents {
  private readonly listeners = new Set<(e: PaneEvent) => void>();

  on(listener: (e: PaneEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  emit(e: PaneEvent): void {
    for (const l of this.listeners) l(e);
  }
}

/** Stands for what was read, to tell whether a re-read found anything new. */
export function fingerprint(snapshot: unknown): string {
  return JSON.stringify(snapshot) ?? '';
}

/**
 * Re-reads on every event, once per burst (typing fires one event per cell: `delayMs` after
 * the last; 300 ms is our choice, not a source), and calls `reread(changed)`: changed when what
 * was read differs from before.
 * Returns the unsubscribe.
 */
export function rereadOn(
  events: PaneEvents,
  load: () => Promise<{ snapshot: unknown }>,
  current: () => { snapshot: unknown } | undefined,
  reread: (changed: boolean) => void,
  failed: (e: Error) => void,
  delayMs = 300,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const off = events.on(() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const before = current();
      load().then(
        (l) => reread(before === undefined || fingerprint(before.snapshot) !== fingerprint(l.snapshot)),
        (err: Error) => failed(err),
      );
    }, delayMs);
  });
  return () => {
    off();
    if (timer !== undefined) clearTimeout(timer);
  };
}
