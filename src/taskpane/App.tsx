import {
  Button,
  FluentProvider,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useReducer, useRef, type Dispatch, type ReactNode } from 'react';
import type { Language } from '../io/problems';
import type { Planner } from './planner';
import { rereadOn, type PaneEvents } from './changes';
import { LanguageContext, rememberedLanguage, rememberLanguage, WORDS, type Words } from './i18n';
import { PaneContext } from './paneContext';
import { RunController, type Solve } from './runController';
import { runInWorker } from './solver';
import { initialState, reducer, TABS, type Action, type TabId } from './store';
import { useShownTheme, type ThemeSource } from './theme';
import { DataTab } from './components/DataTab';
import { ScenariosTab } from './components/ScenariosTab';
import { OptimiseTab } from './components/OptimiseTab';
import { CompareTab } from './components/CompareTab';
import { CostsTab } from './components/CostsTab';
import { WhatIfTab } from './components/WhatIf';
import { NoticeBar } from './components/common';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // One row at any width: the tabs scroll sideways in a narrow pane instead of wrapping.
  tabs: {
    flexWrap: 'nowrap',
    overflowX: 'auto',
    overflowY: 'hidden',
    scrollbarWidth: 'thin',
    marginBottom: tokens.spacingVerticalM,
    '& > button': { flexShrink: 0, whiteSpace: 'nowrap' },
  },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

/** A tab after the built-in ones: its id, a name per language and the panel. */
type ExtraTab = Readonly<{ id: string; title: Readonly<Record<Language, string>>; panel: () => ReactNode }>;

/** The workbook read at start and again on `events`, each reading (or its error) told to the store. */
function useWorkbookReading(planner: Planner, events: PaneEvents | undefined, loaded: () => void, dispatch: Dispatch<Action>) {
  useEffect(() => {
    if (!events) return undefined;
    return rereadOn(
      events,
      () => {
        dispatch({ type: 'rereading', on: true });
        return planner.load().finally(() => dispatch({ type: 'rereading', on: false }));
      },
      () => planner.loaded,
      (differs) => {
        loaded();
        if (differs) dispatch({ type: 'changed' });
      },
      (e) => dispatch({ type: 'error', message: e.message }),
    );
  }, [events, planner, loaded, dispatch]);
  useEffect(() => {
    planner
      .load()
      .then(loaded, (e: Error) => dispatch({ type: 'error', message: e.message }))
      .finally(() => dispatch({ type: 'ready' }));
  }, [planner, loaded, dispatch]);
}

/** Reads the workbook again when the pane's language changes: today's structure is named in it. */
function useRereadOnLanguage(planner: Planner, lang: Language, loaded: () => void, dispatch: Dispatch<Action>) {
  const shown = useRef(lang);
  useEffect(() => {
    if (shown.current === lang) return;
    shown.current = lang;
    if (!planner.loaded) return;
    dispatch({ type: 'rereading', on: true });
    planner
      .load()
      .then(loaded, (e: Error) => dispatch({ type: 'error', message: e.message }))
      .finally(() => dispatch({ type: 'rereading', on: false }));
  }, [planner, lang, loaded, dispatch]);
}

/** The built-in tabs' names in the pane's words. */
function tabTitles(w: Words): Record<TabId, string> {
  return {
    data: w.tabData,
    scenarios: w.tabScenarios,
    whatif: w.tabWhatIf,
    optimise: w.tabOptimise,
    compare: w.tabCompare,
    costs: w.tabCosts,
  };
}

/** A tab's panel: a built-in tab over the planner at the store's `version`, or an extra tab's own. */
function panelOf(id: string, planner: Planner, version: number, loaded: () => void, extraTabs: readonly ExtraTab[]): ReactNode {
  switch (id) {
    case 'data':
      return <DataTab planner={planner} version={version} onLoaded={loaded} />;
    case 'scenarios':
      return <ScenariosTab planner={planner} version={version} onLoaded={loaded} />;
    case 'whatif':
      return <WhatIfTab planner={planner} version={version} onLoaded={loaded} />;
    case 'optimise':
      return <OptimiseTab planner={planner} />;
    case 'compare':
      return <CompareTab planner={planner} version={version} onLoaded={loaded} />;
    case 'costs':
      return <CostsTab planner={planner} version={version} onLoaded={loaded} />;
    default:
      return extraTabs.find((t) => t.id === id)?.panel();
  }
}

/** The pane's inputs: the planner, and what index.tsx (or a test) gives it of Office's and the browser's. */
type AppProps = {
  planner: Planner;
  /** Office's display language: used until the planner chooses one (then remembered). */
  language?: Language;
  workerUrl?: string;
  /** When to read the workbook again (shown again, an input edited, the ribbon command wrote). */
  events?: PaneEvents;
  /** How an optimisation is started (default: in the Web Worker at `workerUrl`). */
  solve?: Solve;
  /** Office's theme, or how to read it again (index.tsx); the system's colour scheme when it says nothing. */
  theme?: ThemeSource;
  /** More tabs after the built-in ones (the what-if view hooks in here): a name per language and the panel. */
  extraTabs?: readonly ExtraTab[];
};

/** The task pane: a header, the tabs and their panels over the pane's store, in its language and theme. */
export function App({
  planner,
  language: office = 'nb',
  workerUrl = 'solver-worker.js',
  events,
  solve = runInWorker,
  theme,
  extraTabs = [],
}: AppProps) {
  const s = useStyles();
  const [state, dispatch] = useReducer(reducer, undefined, () => initialState(rememberedLanguage() ?? office));
  const loaded = useCallback(() => dispatch({ type: 'loaded', loaded: planner.loaded }), [planner]);
  const controller = useMemo(
    () => new RunController({ dispatch, planner, solve, workerUrl, onLoaded: loaded }),
    [planner, solve, workerUrl, loaded],
  );
  useEffect(() => () => controller.dispose(), [controller]);
  const lang = state.language;
  // The page's language follows the pane's, so the browser and screen readers read it as such.
  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }, [lang]);
  // Read again when the pane is shown (Excel has no theme-changed event; see theme.ts).
  const onShown = useCallback((f: () => void) => events?.on((e) => e === 'shown' && f()) ?? (() => undefined), [events]);
  const shownTheme = useShownTheme(theme, onShown);
  // The sheets the commands write, their refusals and the names the read makes up, in the
  // pane's language: set before the first read, and read again when the planner switches.
  useEffect(() => {
    planner.lang = lang;
  }, [planner, lang]);
  useWorkbookReading(planner, events, loaded, dispatch);
  useRereadOnLanguage(planner, lang, loaded, dispatch);
  const w = WORDS[lang];
  const title = tabTitles(w);
  const ids: string[] = [...TABS, ...extraTabs.map((t) => t.id)];
  const titleOf = (id: string) => (id in title ? title[id as TabId] : (extraTabs.find((t) => t.id === id)?.title[lang] ?? id));

  return (
    <PaneContext.Provider value={{ state, dispatch, controller }}>
      <LanguageContext.Provider value={lang}>
        <FluentProvider theme={shownTheme === 'dark' ? webDarkTheme : webLightTheme} lang={lang === 'en' ? 'en' : 'nb'}>
          <main className={s.root} data-theme={shownTheme}>
            <PaneHeader lang={lang} dispatch={dispatch} />
            <TabList
              className={s.tabs}
              size="small"
              selectedValue={state.tab}
              onTabSelect={(_, d) => dispatch({ type: 'tab', tab: String(d.value) })}
              aria-label={w.appTitle}
            >
              {ids.map((id) => (
                <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
                  {titleOf(id)}
                </Tab>
              ))}
            </TabList>
            <NoticeBar notice={state.error ? { intent: 'error', text: state.error } : undefined} />
            <NoticeBar notice={state.changed ? { intent: 'info', text: w.dataChanged } : undefined} />
            {state.ready && state.rereading && <Spinner size="tiny" label={w.reading} />}
            {!state.ready ? (
              <Spinner size="small" label={w.reading} />
            ) : (
              ids
                .filter((id) => state.opened.includes(id))
                .map((id) => (
                  <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={state.tab !== id}>
                    {panelOf(id, planner, state.version, loaded, extraTabs)}
                  </div>
                ))
            )}
            <Text size={100} as="p" style={{ color: tokens.colorNeutralForeground3 }}>
              {w.dataSources}
            </Text>
          </main>
        </FluentProvider>
      </LanguageContext.Provider>
    </PaneContext.Provider>
  );
}

/** The pane's title and the button that switches its language (and remembers the choice). */
function PaneHeader({ lang, dispatch }: { lang: Language; dispatch: Dispatch<Action> }) {
  const s = useStyles();
  const w = WORDS[lang];
  return (
    <div className={s.header}>
      <h1 className={s.title}>{w.appTitle}</h1>
      <Button
        size="small"
        appearance="subtle"
        lang={lang === 'nb' ? 'en' : 'nb'}
        onClick={() => {
          const next = lang === 'nb' ? 'en' : 'nb';
          rememberLanguage(next);
          dispatch({ type: 'language', language: next });
        }}
      >
        {w.language}
      </Button>
    </div>
  );
}
