/** The pane's store: the reducer's transitions and the selectors the tabs read. */
import {
  initialState,
  reducer,
  selectFirstRun,
  selectMapping,
  selectOffices,
  selectProgress,
  selectRules,
  type Action,
  type PaneState,
} from '../../src/taskpane/store';
import { WORDS } from '../../src/taskpane/i18n';

const apply = (s: PaneState, ...as: Action[]) => as.reduce(reducer, s);

describe('the pane reducer', () => {
  it('mounts a tab the first time it is shown and keeps it, and clears the "data changed" note on a tab change', () => {
    const s = apply(
      initialState('nb'),
      { type: 'changed' },
      { type: 'tab', tab: 'optimise' },
      { type: 'tab', tab: 'data' },
      { type: 'tab', tab: 'optimise' },
    );
    expect(s.opened).toEqual(['data', 'optimise']);
    expect(s.tab).toBe('optimise');
    expect(s.changed).toBe(false);
  });

  it('keeps what was typed in the form whatever else happens', () => {
    const s = apply(
      initialState('nb'),
      { type: 'form', patch: { offices: 7, locked: '1839=1804' } },
      { type: 'tab', tab: 'compare' },
      { type: 'loaded', loaded: undefined },
      { type: 'language', language: 'en' },
    );
    expect(s.form.offices).toBe(7);
    expect(s.form.locked).toBe('1839=1804');
    expect(s.version).toBe(1);
    expect(s.language).toBe('en');
  });

  it('moves a run forward only: the share done never goes back, and figures belong to their phase', () => {
    const figures = { incumbent: 100, bound: 90, gap: 0.1 };
    let s = apply(initialState('nb'), { type: 'runStarted', at: 1000, plannedSeconds: 60 });
    expect(s.run.running).toBe(true);
    s = apply(s, { type: 'runPhase', phase: { kind: 'best' }, figures, fraction: 0.3 });
    s = apply(s, { type: 'runPhase', phase: { kind: 'best' }, fraction: 0.2 });
    expect(s.run.fraction).toBe(0.3);
    expect(s.run.figures).toEqual(figures);
    s = apply(s, { type: 'runPhase', phase: { kind: 'alternative', index: 1 }, fraction: 0.5 });
    expect(s.run.figures).toBeUndefined();
    expect(s.run.phase).toEqual({ kind: 'alternative', index: 1 });
  });

  it('ends a run with its outcome and counts the runs started; a late report after the end changes nothing', () => {
    let s = apply(initialState('en'), { type: 'runStarted', at: 0, plannedSeconds: 10 }, { type: 'runCancelling' });
    expect(s.run.cancelling).toBe(true);
    s = apply(s, { type: 'runEnded', notice: (w) => ({ intent: 'success', text: w.cancel }), summary: ['a'] });
    expect(s.run.running).toBe(false);
    expect(s.run.cancelling).toBe(false);
    expect(s.run.started).toBe(1);
    expect(s.run.notice?.(WORDS.en).text).toBe('Cancel');
    expect(s.run.notice?.(WORDS.nb).text).toBe('Avbryt');
    const after = apply(s, { type: 'runPhase', phase: { kind: 'writing' }, fraction: 0.9 });
    expect(after).toBe(s);
  });
});

describe('the other tabs’ choices', () => {
  it('keeps the cost key’s choices, and takes another scenario’s first office when the scenario changes', () => {
    let s = apply(initialState('nb'), { type: 'costs', patch: { scenario: 'A', host: '1804', kind: 'mix', mixPopulation: 0.3 } });
    expect(s.costs).toMatchObject({ scenario: 'A', host: '1804', kind: 'mix', mixPopulation: 0.3 });
    s = apply(s, { type: 'costs', patch: { scenario: 'B' } });
    expect(s.costs.host).toBeUndefined();
    expect(s.costs.kind).toBe('mix');
    s = apply(s, { type: 'costs', patch: { host: '1833' } });
    expect(s.costs).toMatchObject({ scenario: 'B', host: '1833' });
  });

  it('keeps the mapping being edited, the sample’s county and the scenario shown', () => {
    const s = apply(
      initialState('nb'),
      { type: 'data', patch: { county: '03', mapping: { sheets: { municipalities: 'Ark2' } } } },
      { type: 'pick', scenario: 'Dagens struktur' },
    );
    expect(s.data).toEqual({ county: '03', mapping: { sheets: { municipalities: 'Ark2' } }, ownSheets: false });
    expect(s.picked).toBe('Dagens struktur');
  });
});

describe('the selectors', () => {
  it('give the mapping as edited, or the workbook’s, and tell a first run by no municipalities found or chosen', () => {
    const s = initialState('nb');
    expect(selectMapping(s, undefined)).toEqual({});
    expect(selectMapping(s, { sheets: { municipalities: 'K' } })).toEqual({ sheets: { municipalities: 'K' } });
    expect(selectFirstRun(s, undefined)).toBe(false); // nothing read yet
    const found = (sheet: string | undefined) => ({ kind: 'municipalities', sheet, fields: [] }) as never;
    const empty = apply(s, { type: 'loaded', loaded: { found: [found(undefined)] } as never });
    expect(selectFirstRun(empty, undefined)).toBe(true);
    expect(selectFirstRun(apply(empty, { type: 'data', patch: { mapping: { sheets: { municipalities: 'Ark2' } } } }), undefined)).toBe(
      false,
    );
    expect(selectFirstRun(apply(s, { type: 'loaded', loaded: { found: [found('Kommuner')] } as never }), undefined)).toBe(false);
  });

  it('give the office count as typed, or half the workbook’s municipalities', () => {
    const s = initialState('nb');
    expect(selectOffices(s, 41)).toBe(21);
    expect(selectOffices(s, 0)).toBe(1);
    expect(selectOffices(apply(s, { type: 'form', patch: { offices: 7 } }), 41)).toBe(7);
  });

  it('give the rules as typed, or the workbook’s', () => {
    const workbook = { minFte: 5, maxTravelWithoutServicePoint: 90, maxOwners: 6, requireSameBaRegion: false };
    const s = initialState('nb');
    expect(selectRules(s, workbook)).toBe(workbook);
    const typed = { ...workbook, minFte: 7.5 };
    expect(selectRules(apply(s, { type: 'form', patch: { rules: typed } }), workbook)).toBe(typed);
  });

  it('give the progress of a run only while it runs, with the time used and the most still to come', () => {
    const s = initialState('nb');
    expect(selectProgress(s, 0)).toBeUndefined();
    const r = apply(s, { type: 'runStarted', at: 1000, plannedSeconds: 40 }, { type: 'runPhase', phase: { kind: 'best' }, fraction: 0.25 });
    expect(selectProgress(r, 11_000)).toEqual({
      phase: { kind: 'best' },
      fraction: 0.25,
      elapsedSeconds: 10,
      remainingSeconds: 30,
      figures: undefined,
    });
  });
});
