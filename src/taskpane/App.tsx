import { Button, FluentProvider, makeStyles, Tab, TabList, tokens, webLightTheme, Spinner, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Language } from '../io/problems';
import type { Planner } from './planner';
import { rereadOn, type PaneEvents } from './changes';
import { LanguageContext, WORDS } from './i18n';
import { DataTab } from './components/DataTab';
import { ScenariosTab } from './components/ScenariosTab';
import { OptimiseTab } from './components/OptimiseTab';
import { CompareTab } from './components/CompareTab';
import { CostsTab } from './components/CostsTab';
import { NoticeBar } from './components/common';

const useStyles = makeStyles({
  root: { minHeight: '100vh', boxSizing: 'border-box', padding: tokens.spacingHorizontalM, minWidth: 0, maxWidth: '100%' },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  tabs: { flexWrap: 'wrap', marginBottom: tokens.spacingVerticalM },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

type TabId = 'data' | 'scenarios' | 'optimise' | 'compare' | 'costs';

export function App({
  planner,
  language: initial = 'nb',
  workerUrl = 'solver-worker.js',
  events,
}: {
  planner: Planner;
  language?: Language;
  workerUrl?: string;
  /** When to read the workbook again (shown again, an input edited, the ribbon command wrote). */
  events?: PaneEvents;
}) {
  const s = useStyles();
  const [lang, setLang] = useState<Language>(initial);
  const [tab, setTab] = useState<TabId>('data');
  // Bumped on every read of the workbook, so the tabs score what is there now.
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | undefined>();
  const [ready, setReady] = useState(false);
  const [changed, setChanged] = useState(false);
  const loaded = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    if (!events) return undefined;
    return rereadOn(
      events,
      () => planner.load(),
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
              setTab(d.value as TabId);
              setChanged(false);
            }}
            aria-label={w.appTitle}
          >
            <Tab value="data">{w.tabData}</Tab>
            <Tab value="scenarios">{w.tabScenarios}</Tab>
            <Tab value="optimise">{w.tabOptimise}</Tab>
            <Tab value="compare">{w.tabCompare}</Tab>
            <Tab value="costs">{w.tabCosts}</Tab>
          </TabList>
          <NoticeBar notice={error ? { intent: 'error', text: error } : undefined} />
          <NoticeBar notice={changed ? { intent: 'info', text: w.dataChanged } : undefined} />
          {!ready ? (
            <Spinner size="small" label={w.reading} />
          ) : (
            <div role="tabpanel" aria-label={tab} key={`${tab}`}>
              {tab === 'data' && <DataTab planner={planner} onLoaded={loaded} />}
              {tab === 'scenarios' && <ScenariosTab planner={planner} version={version} onLoaded={loaded} />}
              {tab === 'optimise' && <OptimiseTab planner={planner} onLoaded={loaded} workerUrl={workerUrl} />}
              {tab === 'compare' && <CompareTab planner={planner} version={version} onLoaded={loaded} />}
              {tab === 'costs' && <CostsTab planner={planner} version={version} onLoaded={loaded} />}
            </div>
          )}
          <Text size={100} as="p" style={{ color: tokens.colorNeutralForeground3 }}>
            Data: SSB, NAV, Kartverket (CC BY 4.0).
          </Text>
        </main>
      </FluentProvider>
    </LanguageContext.Provider>
  );
}
