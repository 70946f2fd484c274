/**
 * The pane's heavy work off its thread. Office.js must stay on the page's thread, so the
 * Planner still talks to Excel there; what it does with the values is sent here: reading the
 * engine's input from a snapshot, scoring every scenario, and running the commands that write
 * (the sample, the scenario sheets and comparison, the cost sheet, the optimiser's result)
 * against a staging port (staging.ts) over the last reading. What a command wrote comes back
 * as plain data (sheet specs), which the page applies through the Office port. In the add-in
 * this runs in a Web Worker
 * (paneWorker.ts, dist/pane-worker.js); `inProcess` runs the same host on the page (tests, and
 * where workers cannot be started).
 */
import * as commands from '../app/commands';
import { writeOptimised } from '../app/optimise';
import type { OptimizeRequest, OptProblem, OutcomeSummary, ScenarioScore } from '../app/shared';
import { embeddedReadOptions } from '../data/embedded';
import type { Parameters } from '../domain/parameters';
import type { WorkbookSnapshot } from '../domain/sheets';
import { readWorkbook } from '../io/readWorkbook';
import type { Language } from '../io/problems';
import type { EmbeddedData } from './planner';
import { pack, StagingWorkbook, type PackedWrite } from './staging';

export type ReadResult = ReturnType<typeof readWorkbook>;
/**
 * A read of the workbook: the engine's result, every scenario scored when it has a value, and
 * `reading`, the name the host keeps it under for the commands that write from it.
 */
export type Read = ReadResult & { scores?: ScenarioScore[]; reading?: string };

/** A command that writes, as the host runs it: over the reading named `reading` (from `read`), or (the sample) over the sheet names given. */
export type CommandRequest =
  | Readonly<{ command: 'sample'; county: string | undefined; existing: readonly string[]; params: Parameters; lang: Language }>
  | Readonly<{ command: 'plan'; reading: string; params: Parameters; lang: Language }>
  | Readonly<{ command: 'costs'; reading: string; params: Parameters; lang: Language; request: commands.CostsRequest }>
  | Readonly<{
      command: 'optimised';
      reading: string;
      params: Parameters;
      lang: Language;
      req: OptimizeRequest;
      pr: OptProblem;
      outcome: OutcomeSummary;
    }>;

/**
 * What a command run on the host gives: its result as it would be had its writes succeeded, and
 * those writes, for the page to apply. (The plan command's summary is cut to what the page uses:
 * the engine's input and scores stay on the host.)
 */
export type Staged = Readonly<{ result: commands.CommandResult<unknown>; writes: readonly PackedWrite[] }>;

/** The host no longer has the reading a command asked for (a worker started again): the page runs the command itself. */
export const READING_GONE = 'ReadingGoneError';

export type OffloadRequest =
  | Readonly<{ type: 'read'; id: number; snapshot: WorkbookSnapshot; params: Parameters; lang?: Language }>
  | Readonly<{ type: 'command'; id: number; request: CommandRequest }>;

export type OffloadReply =
  Readonly<{ id: number; ok: true; value: unknown }> | Readonly<{ id: number; ok: false; message: string; name: string }>;

/** What the Planner hands off (Planner.offload): each resolves with what the in-thread code gives. */
export type Offload = Readonly<{
  /** `lang`: the language of the names the read makes up (today's structure's). */
  read(snapshot: WorkbookSnapshot, params: Parameters, lang?: Language): Promise<Read>;
  command(request: CommandRequest): Promise<Staged>;
}>;

/** Runs one command against a staging port over what the host has. */
async function runCommand(
  request: CommandRequest,
  ref: commands.Reference,
  reading: (name: string) => { snapshot: WorkbookSnapshot; result: ReadResult },
): Promise<Staged> {
  const { params, lang } = request;
  if (request.command === 'sample') {
    const names = { sheets: request.existing.map((name) => ({ name, visible: true, values: [] })), ownedSheets: [] };
    const wb = new StagingWorkbook(names);
    const result = await commands.sample(wb, request.county, params, ref, request.existing, lang);
    return { result, writes: pack(wb.writes) };
  }
  const read = reading(request.reading);
  const wb = new StagingWorkbook(read.snapshot, read);
  switch (request.command) {
    case 'plan': {
      const result = await commands.plan(wb, params, ref, lang);
      const summary = result.summary && { scenarioErrors: result.summary.scenarioErrors };
      return { result: { ...result, summary }, writes: pack(wb.writes) };
    }
    case 'costs':
      return { result: await commands.costs(wb, params, ref, request.request, undefined, lang), writes: pack(wb.writes) };
    case 'optimised':
      return { result: await writeOptimised(wb, params, ref, request.req, request.pr, request.outcome, lang), writes: pack(wb.writes) };
  }
}

/** The worker's side: answers each request. It keeps the last reading, which the commands that write use. */
export function createPaneHost(data: EmbeddedData): (req: OffloadRequest) => Promise<OffloadReply> {
  const readOptions = embeddedReadOptions(data.municipalities, data.network);
  const ref: commands.Reference = { data: data.municipalities, network: data.network };
  // Named so that a reading of another host (a worker started again) is never taken for one of this one's.
  const prefix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  let readings = 0;
  let last: { name: string; snapshot: WorkbookSnapshot; result: ReadResult } | undefined;
  const reading = (name: string) => {
    if (last?.name !== name) throw Object.assign(new Error('the reading is gone'), { name: READING_GONE });
    return last;
  };
  const answer = async (req: OffloadRequest): Promise<unknown> => {
    switch (req.type) {
      case 'read': {
        const result: Read = readWorkbook(req.snapshot, req.params, { ...readOptions, lang: req.lang });
        if (result.value) {
          try {
            result.scores = commands.scores(result.value, req.params);
          } catch {
            // Left to the Planner, which scores on demand and reports what went wrong there.
          }
        }
        last = { name: `${prefix}-${++readings}`, snapshot: req.snapshot, result };
        return { ...result, reading: last.name };
      }
      case 'command':
        return runCommand(req.request, ref, reading);
    }
  };
  return async (req) => {
    try {
      return { id: req.id, ok: true, value: await answer(req) };
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
      return o.read(req.snapshot, req.params, req.lang);
    case 'command':
      return o.command(req.request);
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
    read: (snapshot, params, lang) => ask({ type: 'read', id: next++, snapshot, params, lang }),
    command: (request) => ask({ type: 'command', id: next++, request }),
  };
}

/** The host on the page itself, every message copied as a worker would (structured clone), answered after a turn of the event loop. */
export function inProcess(data: EmbeddedData): Offload {
  const host = createPaneHost(data);
  const port: Port = {
    onmessage: null,
    postMessage: (req) =>
      setTimeout(() => {
        const copy = structuredClone(req);
        void host(copy).then((reply) => port.onmessage?.({ data: structuredClone(reply) }));
      }, 0),
  };
  return offloadTo(port);
}
