/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The scenario map explains itself: a legend of every office by host, offices told apart beyond
 * the palette's 15 colours, details on click and keyboard (not hover only), the same facts as a
 * table, and host markers that stay small at national scale.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { loadEmbedded, loadNetwork } from '../../src/cli/common';
import type { ScenarioScore } from '../../src/scoring/score';
import { MapView, PALETTE } from '../../src/taskpane/components/MapView';
import { LanguageContext } from '../../src/taskpane/i18n';
import { Planner } from '../../src/taskpane/planner';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from '../fakes/fakeExcel';
import { givePaneABrowser } from './jsdomPane';

const municipalities = loadEmbedded();
const data = { municipalities, network: loadNetwork(municipalities) };

beforeAll(() => givePaneABrowser());

async function scores(county: string | undefined): Promise<ScenarioScore[]> {
  const planner = new Planner(new OfficeWorkbook(new FakeExcel([]).run), data);
  await planner.insertSample(county);
  return planner.scores();
}

const show = (score: ScenarioScore, lang: 'nb' | 'en' = 'nb') =>
  render(
    <LanguageContext.Provider value={lang}>
      <FluentProvider theme={webLightTheme}>
        <MapView score={score} />
      </FluentProvider>
    </LanguageContext.Provider>,
  );

/** How each office's municipalities are filled on the map. */
function fills(): Map<string, Set<string>> {
  const byOffice = new Map<string, Set<string>>();
  for (const p of document.querySelectorAll('svg[role="img"] path[data-office]')) {
    const k = p.getAttribute('data-office')!;
    if (!byOffice.has(k)) byOffice.set(k, new Set());
    byOffice.get(k)!.add(p.getAttribute('fill')!);
  }
  return byOffice;
}

describe('the map of a county', () => {
  let nordland: ScenarioScore[];
  beforeAll(async () => {
    nordland = await scores('18');
  }, 60_000);
  const most = () => nordland.reduce((a, b) => (b.offices.length > a.offices.length ? b : a));

  it('has a legend naming every office by its host, and tells apart more offices than the palette has colours', async () => {
    const score = most();
    expect(score.offices.length).toBeGreaterThan(PALETTE.length);
    show(score);
    const legend = await screen.findByRole('list', { name: 'Kontorene på kartet (velg et for detaljer)' });
    const items = within(legend).getAllByRole('button');
    expect(items).toHaveLength(score.offices.length);
    expect(items.map((b) => b.textContent)).toEqual(score.offices.map((o) => o.hostName.split(' - ')[0]));
    const f = fills();
    expect(f.size).toBe(score.offices.length);
    // One fill per office, and no two offices alike.
    expect([...f.values()].every((x) => x.size === 1)).toBe(true);
    expect(new Set([...f.values()].map((x) => [...x][0])).size).toBe(score.offices.length);
  });

  it('shows an office’s details on click or keyboard, not on hover only', async () => {
    const score = most();
    show(score);
    const legend = await screen.findByRole('list', { name: /^Kontorene på kartet/ });
    const host = score.offices[3]!;
    const button = within(legend).getByRole('button', { name: host.hostName.split(' - ')[0] });
    // A button: reached with Tab, pressed with Enter or Space.
    expect(button.tagName).toBe('BUTTON');
    fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    const region = screen.getByRole('region', { name: `Kontoret: ${host.hostName}` });
    expect(region.textContent).toContain(`${host.members.length} kommuner`);
    for (const m of host.members) expect(region.textContent).toContain(m.name.split(' - ')[0]);
    // A click on a municipality on the map picks its office.
    const other = score.offices[0]!;
    const path = document.querySelector(`svg[role="img"] path[data-office="0"]`)!;
    fireEvent.click(path);
    expect(screen.getByRole('region', { name: `Kontoret: ${other.hostName}` })).toBeTruthy();
  });

  it('has a table with the same facts, one button away', async () => {
    const score = nordland[0]!;
    show(score, 'en');
    await screen.findByRole('img');
    fireEvent.click(screen.getByRole('button', { name: 'Show the map as a table' }));
    const table = screen.getByRole('table', { name: 'The municipalities and their office' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(score.offices.reduce((a, o) => a + o.members.length, 0));
    const host = score.offices.find((o) => o.members.length > 1)!;
    const member = host.members.find((m) => !m.isHost)!;
    const row = rows.find((r) => r.textContent?.startsWith(member.name.split(' - ')[0]!))!;
    expect(row.textContent).toContain(host.hostName.split(' - ')[0]);
  });
});

describe('the map of all of Norway', () => {
  it('marks the hosts without covering the country', async () => {
    const all = await scores(undefined);
    const score = all.reduce((a, b) => (b.offices.length > a.offices.length ? b : a));
    show(score);
    await screen.findByRole('img');
    const box = document.querySelector('svg[role="img"]')!.getAttribute('viewBox')!.split(' ').map(Number);
    const markers = [...document.querySelectorAll('svg[role="img"] circle.kp-host')];
    expect(markers.length).toBe(score.offices.length);
    const r = Number(markers[0]!.getAttribute('r'));
    const covered = (markers.length * Math.PI * r * r) / (box[2]! * box[3]!);
    // The markers together cover under 1.5 % of the map (rings of an 80th of the extent covered a fifth of it).
    expect(covered).toBeLessThan(0.015);
    // ... and each stays visible: at least 2 px across on a 420 px high map.
    expect((2 * r * 420) / Math.max(box[2]!, box[3]!)).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
