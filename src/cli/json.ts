import { METRICS, type ScenarioScore } from '../app/shared';
import type { ReadResult } from '../io/readWorkbook';

/**
 * The `plan --json` document. Field names are a contract: keep them, add beside them.
 * `admissible`: every office keeps the enabled hard rules and has a host agreement where it is
 * shared; `rank`: 1 is best, admissible scenarios before inadmissible ones, then fewest breaches, then by rating;
 * `breaches`: every rule broken, by municipality; `municipalities`: each against the baseline
 * scenario (`baseline`), with `worseOff` (how many) and `worstOff` (their numbers);
 * `consequences`: the consequence table against the baseline (empty for the baseline), each row
 * with `id`, `value`, `baseline`, `change` (null where not computed or not applicable), `grade`
 * (−4…+4 on DFØ's scale, null where not graded), and beside them `importance`, `extent` (−3…3)
 * and `note` (why a row has no grade). `totals.rating` is the index population-weighted,
 * `totals.ratingPerMunicipality` the same per municipality (unweighted); an office breaking a
 * rule has index 0. `weights` and `sensitivity`: see docs/scoring.md, the single index.
 */
export function planJson(scores: readonly ScenarioScore[]) {
  return {
    /** The scenario every municipality is compared with (scenarios[].municipalities). */
    baseline: scores[0]?.versus.baseline ?? null,
    /** The index's ranges and weights as used (defaults or the Vekter sheet), each with whether its default is sourced. */
    weights: METRICS.map((m) => {
      const r = scores[0]?.weights[m.id] ?? m.range;
      return { id: m.id, direction: m.direction, worst: r.worst, best: r.best, weight: r.weight, source: m.source.kind };
    }),
    /** Each weight halved and doubled: the pairs of scenarios whose order changes (`ahead` was before `behind`). */
    sensitivity: (scores[0]?.sensitivity ?? []).map((c) => ({ metric: c.metric, factor: c.factor, weight: c.weight, flips: c.flips })),
    scenarios: scores.map((s) => ({
      name: s.name,
      admissible: s.admissible,
      rank: s.rank,
      breaches: s.breaches.map((b) => ({
        kommunenummer: b.kommunenummer,
        name: b.name,
        office: b.office,
        rule: b.rule,
        value: b.value === null ? null : round(b.value, 2),
        limit: b.limit,
      })),
      municipalities: s.versus.municipalities.map((m) => ({
        kommunenummer: m.kommunenummer,
        name: m.name,
        officeBefore: m.officeBefore,
        officeAfter: m.officeAfter,
        roleBefore: m.roleBefore,
        roleAfter: m.roleAfter,
        accessMinutesBefore: round(m.accessMinutesBefore, 2),
        accessMinutesAfter: round(m.accessMinutesAfter, 2),
        hostMinutesBefore: round(m.hostMinutesBefore, 2),
        hostMinutesAfter: round(m.hostMinutesAfter, 2),
        localDaysBefore: m.localDaysBefore,
        localDaysAfter: m.localDaysAfter,
        localFteBefore: round(m.localFteBefore, 2),
        localFteAfter: round(m.localFteAfter, 2),
        breaks: m.breaks,
        worseOff: m.worseOff,
      })),
      worseOff: s.versus.worseOff,
      consequences: s.consequences.map((c) => ({
        id: c.id,
        value: c.value === null ? null : round(c.value, 4),
        baseline: c.baseline === null ? null : round(c.baseline, 4),
        change: c.change === null ? null : round(c.change, 4),
        grade: c.grade,
        importance: c.def.importance,
        extent: c.extent,
        note: c.note?.en ?? null,
      })),
      worstOff: s.versus.worstOff.map((m) => m.kommunenummer),
      offices: s.offices.map((o) => ({
        host: o.host,
        members: o.members.map((m) => m.number),
        population: o.population,
        fte: round(o.fte, 2),
        vulnerability: round(o.vulnerability, 6),
        weightedTravelMinutes: round(o.weightedTravelMinutes, 2),
        maxTravelMinutes: round(o.maxTravelMinutes, 2),
        hostPopulationShare: round(o.hostPopulationShare, 4),
        baShareInHostRegion: o.baShareInHostRegion === null ? null : round(o.baShareInHostRegion, 4),
        owners: o.owners,
        shareOverThresholds: o.shareOverThresholds.map((x) => round(x, 4)),
        staffTravelMinutesPerWeek: round(o.staffTravelMinutesPerWeek, 1),
        countyLineCrossed: o.countyLineCrossed,
        informal: o.informal,
        estimatedTravelPairs: o.estimatedTravelPairs,
        fteEstimated: o.fteEstimated,
        rating: o.rating,
        ratings: o.ratings,
        constraints: Object.fromEntries(
          o.constraints.map((c) => [c.id, { enabled: c.enabled, pass: c.pass, value: round(c.value, 2), limit: c.limit }]),
        ),
        pass: o.pass,
      })),
      totals: {
        ...s.totals,
        fte: round(s.totals.fte, 2),
        minOfficeFte: round(s.totals.minOfficeFte, 2),
        vulnerability: round(s.totals.vulnerability, 6),
        weightedTravelMinutes: round(s.totals.weightedTravelMinutes, 2),
        maxTravelMinutes: round(s.totals.maxTravelMinutes, 2),
        shareOverThresholds: s.totals.shareOverThresholds.map((x) => round(x, 4)),
        staffTravelMinutesPerWeek: round(s.totals.staffTravelMinutesPerWeek, 1),
        baShareInHostRegion: s.totals.baShareInHostRegion === null ? null : round(s.totals.baShareInHostRegion, 4),
      },
    })),
  };
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/**
 * What was taken from which sheet: `--json`'s `inputs`. Sheets the planner has that were not
 * read (a municipality column but no input) are listed as `ignored`; scenarios left out for
 * their errors as `scenariosNotScored`.
 */
export function inputsJson(value: NonNullable<ReadResult['value']>) {
  const u = value.sheetsUsed;
  const given = [...value.staffing.values()].filter((s) => s.provenance === 'given').length;
  return {
    municipalities: { sheet: u.municipalities, count: value.municipalities.length },
    travel: { sheets: u.travel, given: value.travelReport.given, estimated: value.travelReport.estimated },
    ferries: u.ferries,
    staffing: { sheet: u.staffing ?? null, offices: u.offices ?? null, given, estimated: value.staffing.size - given },
    offices: u.offices ?? null,
    costs: u.costs ?? null,
    scenarios: {
      sheet: u.scenarios ?? null,
      scored: value.scenarios.map((s) => s.name),
      notScored: u.brokenScenarios ?? [],
    },
    ignored: u.ignored ?? [],
  };
}
