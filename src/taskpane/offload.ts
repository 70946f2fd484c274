/**
 * The pane's heavy work off its thread. Office.js must stay on the page's thread, so the
 * Planner still talks to Excel there; what it does with the values is sent here: reading the
 * engine's input from a snapshot and scoring every scenario. (Building the sheets a command
 * writes runs in the command, on the page: src/app writes through the WorkbookPort.) In the
 * add-in this runs in a Web Worker
 * (paneWorker.ts, dist/pane-worker.js); `inProcess` runs the same host on the page (tests, and
 * where workers cannot be started).
 */
import { scores } from '../app/commands';
import type { ScenarioScore } from '../app/shared';
import { embeddedReadOptions } from '../data/embedded';
import type { Parameters } from '../domain/parameters';
import type { WorkbookSnapshot } from '../domain/sheets';
import { readWorkbook } from '../io/readWorkbook';
import type { EmbeddedData } from './planner';

export type ReadResult = ReturnType<typeof readWorkbook>;
/** A read of the workbook: the engine's result, and every scenario scored when it has a value. */
export type Read = ReadResult & { scores?: ScenarioScore[] };

export type OffloadRequest = Readonly<{ type: 'read'; id: number; snapshot: WorkbookSnapshot; params: Parameters }>;

export type OffloadReply =
  Readonly<{ id: number; ok: true; value: unknown }> | Readonly<{ id: number; ok: false; message: string; name: string }>;

/** What the Planner hands off (Planner.offload): each resolves with what the in-thread code gives. */
export type Offload = Readonly<{
  read(snapshot: WorkbookSnapshot, params: Parameters): Promise<Read>;
}>;

/** The worker's side: answers each request. */
export function createPaneHost(data: EmbeddedData): (req: OffloadRequest) => OffloadReply {
  const readOptions = embeddedReadOptions(data.municipalities, data.network);
  const answer = (req: OffloadRequest): unknown => {
    switch (req.type) {
      case 'read': {
        const result: Read = readWorkbook(req.snapshot, req.params, readOptions);
        if (result.value) {
          try {
            result.scores = scores(result.value, req.params);
          } catch {
            // Left to the Planner, which scores on demand and reports what went wrong there.
          }
        }
        return result;
      }
    }
  };
  return (req) => {
    try {
      return { id: req.id, ok: true, value: answer(req) };
    } catch (e) {
      return { id: req.id, ok: false, message: (e as Error).message, name: (e as Error).name };
    }
  };
}

/** A worker, or anything that carries messages both ways as one does. */
export type Port = {
  postMessage(req: OffloadRequest): void;
  onmessage: ((e: { data: OffloadReply }) => void) | null;
  onerror?: ((e: { message?: string }) => void) | null;
};

/** The same request asked of another Offload. */
function askOf(o: Offload, req: OffloadRequest): Promise<unknown> {
  switch (req.type) {
    case 'read':
      return o.read(req.snapshot, req.params);
  }
}

/**
 * The page's side: each request a promise, answered in turn. A worker that fails (it could not
 * be loaded, or stopped) hands what is waiting, and everything after, to `fallback` (the same
 * work on the page), so the pane goes on working, only less smoothly.
 */
export function offloadTo(port: Port, fallback?: () => Offload): Offload {
  let next = 1;
  let broken: Offload | undefined;
  const waiting = new Map<number, { req: OffloadRequest; resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  port.onmessage = (e) => {
    const r = e.data;
    const w = waiting.get(r.id);
    if (!w) return;
    waiting.delete(r.id);
    if (r.ok) w.resolve(r.value);
    else w.reject(Object.assign(new Error(r.message), { name: r.name }));
  };
  port.onerror = (e) => {
    const left = [...waiting.values()];
    waiting.clear();
    if (fallback) {
      broken ??= fallback();
      for (const w of left) askOf(broken, w.req).then(w.resolve, w.reject);
    } else for (const w of left) w.reject(new Error(e.message ?? 'worker failed'));
  };
  const ask = (req: OffloadRequest): Promise<never> =>
    broken
      ? (askOf(broken, req) as Promise<never>)
      : new Promise<never>((resolve, reject) => {
          waiting.set(req.id, { req, resolve: resolve as (v: unknown) => void, reject });
          port.postMessage(req);
        });
  return {
    read: (snapshot, params) => ask({ type: 'read', id: next++, snapshot, params }),
  };
}

/** The host on the page itself, every message copied as a worker would (structured clone), answered after a turn of the event loop. */
export function inProcess(data: EmbeddedData): Offload {
  const host = createPaneHost(data);
  const port: Port = {
    onmessage: null,
    postMessage: (req) =>
      setTimeout(() => {
        const reply = structuredClone(host(structuredClone(req)));
        port.onmessage?.({ data: reply });
      }, 0),
  };
  return offloadTo(port);
}
