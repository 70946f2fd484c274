/**
 * The pane's heavy work off its thread (offload.ts): the Planner gives the same problems,
 * scores and sheets with it as without, every message crossing as a worker's does (structured
 * clone), and a worker that fails hands its work back to the page.
 */
import { loadEmbedded, loadNetwork } from '../../src/cli/common';
import { createPaneHost, inProcess, offloadTo, type OffloadRequest, type Port } from '../../src/taskpane/offload';
import { Planner } from '../../src/taskpane/planner';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from '../fakes/fakeExcel';

const municipalities = loadEmbedded();
const data = { municipalities, network: loadNetwork(municipalities) };

async function planned(offload: boolean) {
  const excel = new FakeExcel([{ name: 'Mine notater', values: [['mitt']] }]);
  const p = new Planner(new OfficeWorkbook(excel.run), data);
  if (offload) p.offload = inProcess(data);
  await p.load();
  await p.insertSample('18');
  // A problem to report: a population that is not a number.
  excel.edit('Kommuner', 'D5', [['mange']]);
  await p.load();
  const problems = p.loaded!.problems;
  excel.edit('Kommuner', 'D5', [[4321]]);
  await p.load();
  const scores = p.scores();
  const written = await p.writeScenarios({ check: true });
  return { excel, problems, scores, written, planner: p };
}

describe('offloading the heavy work', () => {
  it('gives the same problems, scores and sheets as on the page', async () => {
    const [here, there] = [await planned(false), await planned(true)];
    expect(there.problems.length).toBeGreaterThan(0);
    expect(JSON.stringify(there.problems)).toBe(JSON.stringify(here.problems));
    expect(JSON.stringify(there.scores)).toBe(JSON.stringify(here.scores));
    expect(there.written).toEqual(here.written);
    for (const name of here.written) expect(JSON.stringify(there.excel.dump(name))).toBe(JSON.stringify(here.excel.dump(name)));
    for (const name of ['Kommuner', 'Reisetid', 'Scenarier']) expect(there.excel.values(name)).toEqual(here.excel.values(name));
    // Scored once, in the worker: the pane asks again and gets the same array.
    expect(there.planner.scores()).toBe(there.planner.scores());
  }, 120_000);

  it('reports the host’s errors as errors', async () => {
    const host = createPaneHost(data);
    // A snapshot without sheets is not one the page sends; the engine throws on it.
    const reply = await host({ type: 'read', id: 7, snapshot: {} as never, params: {} as never });
    expect(reply).toMatchObject({ id: 7, ok: false, name: 'TypeError' });
    await expect(inProcess(data).read({} as never, {} as never)).rejects.toMatchObject({ name: 'TypeError' });
  });

  it('hands what was waiting, and what comes after, to the page when the worker fails', async () => {
    const sent: OffloadRequest[] = [];
    const port: Port = { onmessage: null, onerror: null, postMessage: (r) => sent.push(r) };
    const off = offloadTo(port, () => inProcess(data));
    const p = new Planner(new OfficeWorkbook(new FakeExcel([]).run), data);
    p.offload = off;
    const loading = p.load();
    await new Promise((r) => setTimeout(r, 10));
    expect(sent.map((x) => x.type)).toEqual(['read']);
    port.onerror!({ message: 'could not load pane-worker.js' });
    await loading;
    await p.insertSample('03');
    expect(sent).toHaveLength(1);
    expect(p.loaded!.value!.municipalities).toHaveLength(1);
  }, 60_000);
});
