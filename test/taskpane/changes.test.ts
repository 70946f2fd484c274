/**
 * The pane reads the workbook again when it should: the planner's edits to an input sheet reach
 * it through Excel's Worksheet.onChanged (the fake fires it as Excel does, after the change),
 * and a burst of events is one re-read that says whether anything changed.
 */
import { loadEmbedded, loadNetwork } from '../../src/cli/common';
import { PaneEvents, rereadOn } from '../../src/taskpane/changes';
import { Planner } from '../../src/taskpane/planner';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from '../fakes/fakeExcel';

const municipalities = loadEmbedded();
const data = { municipalities, network: loadNetwork(municipalities) };
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('the planner watches the input sheets it read', () => {
  it('hears an edit of an input sheet, not of a sheet it does not read, and watches each sheet once', async () => {
    const excel = new FakeExcel([{ name: 'Notater', values: [['Mitt eget ark']] }]);
    const p = new Planner(new OfficeWorkbook(excel.run), data);
    const heard: string[] = [];
    p.onInputChanged = (sheet) => heard.push(sheet);
    await p.insertSample('18');
    await p.load();
    expect(excel.sheet('Kommuner')!.onChanged).toHaveLength(1);
    expect(excel.sheet('Notater')!.onChanged).toHaveLength(0);
    // A later read adds no second watcher, and costs no extra sync.
    excel.syncs = 0;
    await p.load();
    expect(excel.sheet('Kommuner')!.onChanged).toHaveLength(1);
    expect(excel.syncs).toBe(3);
    excel.edit('Kommuner', 'D5', [[1234]]);
    excel.edit('Notater', 'A2', [['mer']]);
    await tick();
    expect(heard).toEqual(['Kommuner']);
  });
});

describe('rereadOn', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('reads once per burst of events, and says whether what it read differs', async () => {
    const events = new PaneEvents();
    let snapshot = { a: 1 };
    let current: { snapshot: unknown } | undefined = { snapshot };
    let loads = 0;
    const outcomes: boolean[] = [];
    const off = rereadOn(
      events,
      async () => {
        loads++;
        current = { snapshot: { ...snapshot } };
        return current;
      },
      () => current,
      (changed) => outcomes.push(changed),
      () => outcomes.push(false),
      300,
    );
    events.emit('edited');
    events.emit('edited');
    jest.advanceTimersByTime(200);
    events.emit('edited');
    expect(loads).toBe(0);
    jest.advanceTimersByTime(300);
    await Promise.resolve();
    await Promise.resolve();
    expect(loads).toBe(1);
    expect(outcomes).toEqual([false]);
    snapshot = { a: 2 };
    events.emit('shown');
    jest.advanceTimersByTime(300);
    await Promise.resolve();
    await Promise.resolve();
    expect(outcomes).toEqual([false, true]);
    off();
    events.emit('shown');
    jest.advanceTimersByTime(1000);
    expect(loads).toBe(2);
  });
});
