import { Button, FluentProvider, makeStyles, Tab, TabList, tokens, webLightTheme, Spinner, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Language } from '../io/problems';
import type { Planner } from './planner';
import { rereadOn, type PaneEvents } from './changes';
import { LanguageContext, WORDS } from './i18n';
import { DataTab } from './components/DataTab';
import { ScenariosTab } from './components/ScenariosTab';
import { OptimiseTab, type Solve } from './components/OptimiseTab';
import { CompareTab } from './components/CompareTab';
import { CostsTab } from './components/CostsTab';
import { WhatIfTab } from './components/WhatIf';
import { NoticeBar } from './components/common';

const useStyles = makeStyles({
  root: { minHeight: '100vh', boxSizing: 'border-box', padding: tokens.spacingHorizontalM, minWidth: 0, maxWidth: '100%' },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  tabs: { flexWrap: 'wrap', marginBottom: tokens.spacingVerticalM },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

type TabId = 'data' | 'scenarios' | 'whatif' | 'optimise' | 'compare' | 'costs';
const TABS: readonly TabId[] = ['data', 'scenarios', 'whatif', 'optimise', 'compare', 'costs'];

export function App({
  planner,
  language: initial = 'nb',
  workerUrl = 'solver-worker.js',
  events,
  solve,
}: {
  planner: Planner;
  language?: Language;
  workerUrl?: string;
  /** When to read the workbook again (shown again, an input edited, the ribbon command wrote). */
  events?: PaneEvents;
  /** How an optimisation is started (default: in the Web Worker at `workerUrl`). */
  solve?: Solve;
}) {
  const s = useStyles();
  const [lang, setLang] = useState<Language>(initial);
  const [tab, setTab] = useState<TabId>('data');
  // A tab is mounted the first time it is shown and then kept (hidden while another is shown):
  // what was typed, a message and a running optimisation survive a tab change.
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(new Set(['data']));
  // Bumped on every read of the workbook, so the tabs score what is there now.
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | undefined>();
  const [ready, setReady] = useState(false);
  const [changed, setChanged] = useState(false);
  // A re-read the pane started by itself (an edit, shown again), shown while it runs.
  const [rereading, setRereading] = useState(false);
  const loaded = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    if (!events) return undefined;
    return rereadOn(
      events,
      () => {
        setRereading(true);
        return planner.load().finally(() => setRereading(false));
      },
      () => planner.loaded,
      (differs) => {
        loaded();
        if (differs) setChanged(true);
      },
      (e) => setError(e.message),
    );
  }, [events, planner, loaded]);
  useEffect(() => {
    planner
      .load()
      .then(loaded, (e: Error) => setError(e.message))
      .finally(() => setReady(true));
  }, [planner, loaded]);
  const w = WORDS[lang];
  const title: Record<TabId, string> = {
    data: w.tabData,
    scenarios: w.tabScenarios,
    whatif: w.tabWhatIf,
    optimise: w.tabOptimise,
    compare: w.tabCompare,
    costs: w.tabCosts,
  };
  const panel = (id: TabId) => {
    switch (id) {
      case 'data':
        return <DataTab planner={planner} version={version} onLoaded={loaded} />;
      case 'scenarios':
        return <ScenariosTab planner={planner} version={version} onLoaded={loaded} />;
      case 'whatif':
        return <WhatIfTab planner={planner} version={version} onLoaded={loaded} />;
      case 'optimise':
        return <OptimiseTab planner={planner} onLoaded={loaded} workerUrl={workerUrl} solve={solve} />;
      case 'compare':
        return <CompareTab planner={planner} version={version} onLoaded={loaded} />;
      case 'costs':
        return <CostsTab planner={planner} version={version} onLoaded={loaded} />;
    }
  };

  return (
    <LanguageContext.Provider value={lang}>
      <FluentProvider theme={webLightTheme} lang={lang === 'en' ? 'en' : 'nb'}>
        <main className={s.root}>
          <div className={s.header}>
            <h1 className={s.title}>{w.appTitle}</h1>
            <Button size="small" appearance="subtle" onClick={() => setLang(lang === 'nb' ? 'en' : 'nb')}>
              {w.language}
            </Button>
          </div>
          <TabList
            className={s.tabs}
            size="small"
            selectedValue={tab}
            onTabSelect={(_, d) => {
              const id = d.value as TabId;
              setTab(id);
              setOpened((o) => (o.has(id) ? o : new Set([...o, id])));
              setChanged(false);
            }}
            aria-label={w.appTitle}
          >
            {TABS.map((id) => (
              <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
                {title[id]}
              </Tab>
            ))}
          </TabList>
          <NoticeBar notice={error ? { intent: 'error', text: error } : undefined} />
          <NoticeBar notice={changed ? { intent: 'info', text: w.dataChanged } : undefined} />
          {ready && rereading && <Spinner size="tiny" label={w.reading} />}
          {!ready ? (
            <Spinner size="small" label={w.reading} />
          ) : (
            TABS.filter((id) => opened.has(id)).map((id) => (
              <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={tab !== id}>
                {panel(id)}
              </div>
            ))
          )}
          <Text size={100} as="p" style={{ color: tokens.colorNeutralForeground3 }}>
            {w.dataSources}
          </Text>
        </main>
      </FluentProvider>
    </LanguageContext.Provider>
  );
}
