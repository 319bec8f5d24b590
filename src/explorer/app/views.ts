/// <reference lib="dom" />
/**
 * The result panels: headline cards, live charts and the hopes-and-fears
 * scorecard, for one policy or A and B side by side. Each is redrawn from
 * the runs' snapshots after every simulated month; in A/B mode both sides of
 * a chart share one y scale so the eye compares like with like.
 */
import type { ScorecardRow } from '../../sim/metrics/index.js';
import type { Grouping, Watch } from '../settings.js';
import type { MonthSnapshot } from '../snapshot.js';
import { DASHES, drawLineChart, drawStackedBars, niceDomain, PALETTE, type BarStack, type ChartFrame, type LineSeries } from './charts.js';
import { h, s } from './dom.js';
import { fixed, percent, pounds, scorecardValue } from './format.js';
import type { RunView } from './runner.js';

/** One policy as the panels show it. */
export interface PolicyView {
  readonly label: 'A' | 'B';
  /** The scenario's name. */
  readonly name: string;
  readonly run: RunView;
  /** Months at which the policy changes. */
  readonly policyMonths: readonly number[];
}

const last = (run: RunView): MonthSnapshot | undefined => run.snapshots[run.snapshots.length - 1];

// ---------------------------------------------------------------- cards

interface CardDef {
  readonly title: string;
  readonly value: (snapshot: MonthSnapshot) => number;
  readonly format: (value: number) => string;
  /** The difference B − A in words, e.g. "+2.1 points". */
  readonly difference: (b: number, a: number) => string;
  readonly higherIsBetter: boolean;
  readonly detail?: (snapshot: MonthSnapshot) => string;
  /** Whether A/B mode shows the detail under each value (otherwise once, under the title). */
  readonly perPolicyDetail?: boolean;
  /** The detail shown once in A/B mode. */
  readonly sharedDetail?: string;
}

const points = (b: number, a: number): string => {
  const d = 100 * (b - a);
  return `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(1)} points`;
};

const CARDS: readonly CardDef[] = [
  { title: 'Needs met', value: (x) => x.toDate.metShare, format: (v) => percent(v), difference: points, higherIsBetter: true, detail: () => 'of all needs resolved so far', sharedDetail: 'of all needs so far' },
  {
    title: 'Worst-served group',
    value: (x) => x.toDate.worstMetShare,
    format: (v) => percent(v),
    difference: points,
    higherIsBetter: true,
    detail: (x) => (x.toDate.worstSegment === '' ? 'no needs yet' : x.toDate.worstSegment),
    perPolicyDetail: true,
  },
  { title: 'People left with an unmet need', value: (x) => x.toDate.shareCitizensWithUnmet, format: (v) => percent(v), difference: points, higherIsBetter: false, detail: () => 'at least once so far', sharedDetail: 'at least once so far' },
  {
    title: 'Trust in government',
    value: (x) => x.toDate.trustNow,
    format: (v) => fixed(v, 3),
    difference: (b, a) => `${b - a >= 0 ? '+' : '−'}${Math.abs(b - a).toFixed(3)}`,
    higherIsBetter: true,
    detail: (x) => `mean, 0 to 1; was ${fixed(x.toDate.trustStart, 3)}`,
    sharedDetail: 'mean, 0 to 1',
  },
  {
    title: 'Cost per met need',
    value: (x) => x.toDate.costPerMetNeedGbp,
    format: pounds,
    difference: (b, a) => `${b - a >= 0 ? '+' : '−'}${pounds(Math.abs(b - a))}`,
    higherIsBetter: false,
    detail: (x) => `government, ${pounds(x.toDate.governmentCostGbp)} in all`,
    sharedDetail: 'government, all costs',
  },
];

/** The headline cards (one value per policy; with B, the difference and whether it is better). */
export function renderCards(container: HTMLElement, policies: readonly PolicyView[]): void {
  const cards = CARDS.map((card) => {
    const values = policies.map((policy) => {
      const snapshot = last(policy.run);
      return snapshot === undefined ? undefined : { value: card.value(snapshot), detail: card.detail?.(snapshot) ?? '' };
    });
    const body = policies.map((policy, i) => {
      const entry = values[i];
      return h(
        'div',
        { class: `card-value policy-${policy.label.toLowerCase()}` },
        policies.length > 1 ? h('span', { class: 'tag' }, policy.label) : null,
        h('span', { class: 'number' }, entry === undefined ? '–' : card.format(entry.value)),
        policies.length === 1 || card.perPolicyDetail === true ? h('span', { class: 'detail' }, entry?.detail ?? '') : null,
      );
    });
    const a = values[0];
    const b = values[1];
    let verdict: HTMLElement | null = null;
    if (policies.length > 1 && a !== undefined && b !== undefined && Number.isFinite(a.value) && Number.isFinite(b.value)) {
      const delta = b.value - a.value;
      const same = Math.abs(delta) < 1e-9 || card.format(a.value) === card.format(b.value);
      const better = card.higherIsBetter ? delta > 0 : delta < 0;
      verdict = h('div', { class: `diff ${same ? 'same' : better ? 'better' : 'worse'}` }, same ? 'B = A' : `B ${card.difference(b.value, a.value)}: ${better ? '▲ better' : '▼ worse'}`);
    }
    const shared = policies.length > 1 && card.sharedDetail !== undefined ? h('p', { class: 'detail shared' }, card.sharedDetail) : null;
    return h('article', { class: 'card' }, h('h3', {}, card.title), shared, ...body, verdict);
  });
  container.replaceChildren(...cards);
}

// ---------------------------------------------------------------- charts

interface ChartDef {
  readonly id: string;
  readonly title: (grouping: Grouping, watch: Watch) => string;
  /** One sentence on how to read the chart, for screen readers and the caption. */
  readonly caption: (watch: Watch) => string;
  readonly draw: (svg: SVGSVGElement, views: readonly PolicyView[], index: number, width: number, options: { grouping: Grouping; watch: Watch }) => void;
}

const GROUP_NAMES: Readonly<Record<Grouping, string>> = { age: 'age band', income: 'income band', district: 'district' };

function groupSeries(view: PolicyView, grouping: Grouping, pick: (snapshot: MonthSnapshot, index: number) => number): LineSeries[] {
  const labels = view.run.labels?.[grouping].labels ?? [];
  return labels.map((label, i) => ({
    label,
    color: PALETTE[i % PALETTE.length]!,
    dash: DASHES[i % DASHES.length]!,
    values: view.run.snapshots.map((snapshot) => pick(snapshot, i)),
  }));
}

function frameOf(views: readonly PolicyView[], index: number, yDomain: readonly [number, number], yFormat: (value: number) => string, extra: Partial<ChartFrame> = {}): ChartFrame {
  const view = views[index]!;
  return { months: Math.max(1, ...views.map((v) => v.run.months)), yDomain, yFormat, policyMonths: view.policyMonths, ...extra };
}

function groupChart(
  id: string,
  title: string,
  caption: string,
  pick: (snapshot: MonthSnapshot, grouping: Grouping, index: number) => number,
  domain: (values: number[]) => [number, number],
  yFormat: (value: number) => string,
): ChartDef {
  return {
    id,
    title: (grouping) => `${title}, by ${GROUP_NAMES[grouping]}`,
    caption: () => caption,
    draw: (svg, views, index, width, { grouping }) => {
      const all = views.flatMap((view) => groupSeries(view, grouping, (snapshot, i) => pick(snapshot, grouping, i)));
      const series = groupSeries(views[index]!, grouping, (snapshot, i) => pick(snapshot, grouping, i));
      drawLineChart(svg, frameOf(views, index, domain(all.flatMap((line) => [...line.values])), yFormat), series, width);
    },
  };
}

const COST_STACKS: readonly { key: keyof MonthSnapshot['costGbp']; label: string; color: string }[] = [
  { key: 'transactions', label: 'Transactions', color: '#0072B2' },
  { key: 'running', label: 'Running', color: '#56B4E9' },
  { key: 'build', label: 'Build, apps', color: '#E69F00' },
  { key: 'programs', label: 'Programs', color: '#009E73' },
  { key: 'other', label: 'Breaches, appeals', color: '#D55E00' },
];

const kilo = (value: number): string => (Math.abs(value) >= 1000 ? `£${(value / 1000).toFixed(value >= 10_000 ? 0 : 1)}k` : `£${Math.round(value)}`);

function costChart(): ChartDef {
  return {
    id: 'cost',
    title: () => 'Government cost each month',
    caption: () => 'Stacked bars: what the government spends each month, by kind of cost. A tall first bar is the one-off build of the online service.',
    draw: (svg, views, index, width) => {
      const stacksOf = (view: PolicyView): BarStack[] => COST_STACKS.map((stack) => ({ label: stack.label, color: stack.color, values: view.run.snapshots.map((snapshot) => snapshot.costGbp[stack.key]) }));
      // The scale follows running months; a one-off build in month 1 may stand above it, clipped.
      const totalsOf = (view: PolicyView): number[] => view.run.snapshots.map((snapshot) => Object.values(snapshot.costGbp).reduce((a, b) => a + b, 0));
      const totals = views.flatMap(totalsOf);
      const later = views.flatMap((view) => totalsOf(view).slice(1));
      const domain = totals.length === 0 ? ([0, 1000] as [number, number]) : niceDomain(later.length > 0 ? later : totals, { zero: true });
      drawStackedBars(svg, frameOf(views, index, domain, kilo), stacksOf(views[index]!), width);
    },
  };
}

const CHANNEL_LABELS = ['Online', 'Phone', 'Counter', 'Assisted'] as const;

function watchChart(): ChartDef {
  return {
    id: 'watch',
    title: (_, watch) =>
      watch === 'channels' ? 'How met needs were served' : watch === 'kpi' ? 'Online share: reported against true' : watch === 'backlog' ? 'Needs waiting (shaded: outages)' : 'Personal data held (rules: breaches)',
    caption: (watch) =>
      watch === 'channels'
        ? 'Share of the month\'s met needs served by each channel.'
        : watch === 'kpi'
          ? 'What offices report as the online share, what it truly is, and how much they game the indicator (0 none, 1 fully).'
          : watch === 'backlog'
            ? 'Needs waiting in queues at each month\'s end, per 1,000 citizens; shaded months had a digital outage.'
            : 'Records of personal data held per citizen; a rule marks each month with a data breach.',
    draw: (svg, views, index, width, { watch }) => {
      const view = views[index]!;
      const snapshots = view.run.snapshots;
      if (watch === 'channels') {
        const series = CHANNEL_LABELS.map((label, c) => ({ label, color: PALETTE[c]!, dash: DASHES[c]!, values: snapshots.map((x) => x.city.channelMix[c]!) }));
        drawLineChart(svg, frameOf(views, index, [0, 1], (v) => percent(v, 0)), series, width);
      } else if (watch === 'kpi') {
        const series: LineSeries[] = [
          { label: 'Reported', color: PALETTE[1], dash: DASHES[1], values: snapshots.map((x) => x.kpi.onlineShareReported) },
          { label: 'True', color: PALETTE[0], dash: DASHES[0], values: snapshots.map((x) => x.kpi.onlineShareTrue) },
          { label: 'Gaming', color: PALETTE[2], dash: DASHES[2], values: snapshots.map((x) => x.kpi.gamingLevel) },
        ];
        drawLineChart(svg, frameOf(views, index, [0, 1], (v) => percent(v, 0)), series, width);
      } else if (watch === 'backlog') {
        const all = views.flatMap((v) => v.run.snapshots.map((x) => x.resilience.backlogPer1000));
        const bands: number[] = [];
        snapshots.forEach((x, i) => {
          if (x.resilience.outageDays > 0) bands.push(i + 1, i + 1);
        });
        const series = [{ label: 'Waiting', color: PALETTE[0], dash: DASHES[0], values: snapshots.map((x) => x.resilience.backlogPer1000) }];
        drawLineChart(svg, frameOf(views, index, niceDomain(all, { zero: true }), (v) => fixed(v, v >= 10 ? 0 : 1), { bands }), series, width);
      } else {
        const all = views.flatMap((v) => v.run.snapshots.map((x) => x.privacy.recordsPerCitizen));
        const marks = snapshots.flatMap((x, i) => (x.privacy.breaches > 0 ? [{ month: i + 1, label: 'breach' }] : []));
        const series = [{ label: 'Records', color: PALETTE[3], dash: DASHES[0], values: snapshots.map((x) => x.privacy.recordsPerCitizen) }];
        drawLineChart(svg, frameOf(views, index, niceDomain(all, { zero: true }), (v) => fixed(v, 0), { marks }), series, width);
      }
    },
  };
}

const CHARTS: readonly ChartDef[] = [
  groupChart('needs', 'Needs met', 'Share of each month\'s resolved needs that were met, by group of citizens.', (x, g, i) => x.groups[g].metShare[i] ?? Number.NaN, (values) => niceDomain(values, { share: true, minSpan: 0.1 }), (v) => percent(v, 0)),
  groupChart('trust', 'Trust in government', 'Mean trust in government (0 to 1) at each month\'s end, by group of citizens.', (x, g, i) => x.groups[g].meanTrust[i] ?? Number.NaN, (values) => niceDomain(values, { minSpan: 0.1 }), (v) => fixed(v, 2)),
  costChart(),
  groupChart('time', 'Citizens\' time per need (hours)', 'Hours a citizen spends per need (travel, queueing in person, handling, failed attempts), by group.', (x, g, i) => x.groups[g].hoursPerNeed[i] ?? Number.NaN, (values) => niceDomain(values, { zero: true, minSpan: 1 }), (v) => fixed(v, 1)),
  watchChart(),
];

export interface ChartBoard {
  /** Redraws every chart from the policies' snapshots. */
  draw(policies: readonly PolicyView[], options: { grouping: Grouping; watch: Watch }): void;
}

/** The chart board in `container`; its layout is rebuilt when the number of policies changes. */
export function createChartBoard(container: HTMLElement): ChartBoard {
  let layoutKey = '';
  let figures: { chart: ChartDef; title: HTMLElement; caption: HTMLElement; panels: { svg: SVGSVGElement; figure: HTMLElement; heading: HTMLElement }[] }[] = [];
  const layout = (policies: readonly PolicyView[]): void => {
    const key = policies.map((policy) => policy.label).join('');
    if (key === layoutKey) return;
    layoutKey = key;
    container.classList.toggle('ab', policies.length > 1);
    figures = CHARTS.map((chart) => {
      const title = h('h3', { id: `chart-${chart.id}-title` });
      const caption = h('p', { class: 'caption' });
      const panels = policies.map((policy) => {
        const heading = h('div', { class: `panel-tag policy-${policy.label.toLowerCase()}` });
        const svg = s('svg', { role: 'img', 'aria-labelledby': `chart-${chart.id}-title`, focusable: 'false' });
        const figure = h('figure', { class: 'chart-panel' }, policies.length > 1 ? heading : null, svg);
        return { svg, figure, heading };
      });
      container.append();
      return { chart, title, caption, panels };
    });
    container.replaceChildren(
      ...figures.map((figure) => h('section', { class: 'chart', id: `chart-${figure.chart.id}`, 'aria-labelledby': `chart-${figure.chart.id}-title` }, figure.title, h('div', { class: 'panels' }, ...figure.panels.map((panel) => panel.figure)), figure.caption)),
    );
  };
  return {
    draw: (policies, options) => {
      layout(policies);
      for (const figure of figures) {
        figure.title.textContent = figure.chart.title(options.grouping, options.watch);
        figure.caption.textContent = figure.chart.caption(options.watch);
        figure.panels.forEach((panel, index) => {
          const policy = policies[index];
          if (policy === undefined) return;
          panel.heading.textContent = `${policy.label}: ${policy.name}`;
          const width = Math.max(320, Math.floor(panel.figure.clientWidth));
          figure.chart.draw(panel.svg, policies, index, width, options);
          panel.svg.setAttribute('aria-label', `${figure.chart.title(options.grouping, options.watch)}${policies.length > 1 ? `, policy ${policy.label}` : ''}: ${describe(policy, figure.chart.id, options.grouping)}`);
        });
      }
    },
  };
}

/** A sentence a screen reader can say for the latest month of a chart. */
function describe(policy: PolicyView, chart: string, grouping: Grouping): string {
  const snapshot = last(policy.run);
  if (snapshot === undefined) return 'no months simulated yet';
  const labels = policy.run.labels?.[grouping].labels ?? [];
  const values = (pick: (i: number) => number, format: (v: number) => string): string => labels.map((label, i) => `${label} ${format(pick(i))}`).join(', ');
  if (chart === 'needs') return `month ${snapshot.month}: ${values((i) => snapshot.groups[grouping].metShare[i] ?? Number.NaN, (v) => percent(v))}`;
  if (chart === 'trust') return `month ${snapshot.month}: ${values((i) => snapshot.groups[grouping].meanTrust[i] ?? Number.NaN, (v) => fixed(v, 2))}`;
  if (chart === 'time') return `month ${snapshot.month}: ${values((i) => snapshot.groups[grouping].hoursPerNeed[i] ?? Number.NaN, (v) => `${fixed(v, 1)} hours`)}`;
  if (chart === 'cost') return `month ${snapshot.month}: ${pounds(Object.values(snapshot.costGbp).reduce((a, b) => a + b, 0))}`;
  return `month ${snapshot.month}`;
}

// ---------------------------------------------------------------- scorecard

const VERDICT_TEXT: Readonly<Record<ScorecardRow['verdict'], string>> = { good: '✓ good', mixed: '~ mixed', poor: '✗ poor', untested: '– not tested' };

/** The hopes-and-fears scorecard of the runs to date, one row per hope and fear. */
export function renderScorecard(container: HTMLElement, policies: readonly PolicyView[]): void {
  const rowsOf = policies.map((policy) => last(policy.run)?.scorecard ?? []);
  const reference = rowsOf.find((rows) => rows.length > 0) ?? [];
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, ''),
    h('th', { scope: 'col' }, 'Hope or fear, and its indicator'),
    ...policies.flatMap((policy) => [h('th', { scope: 'col', class: 'num' }, policies.length > 1 ? `${policy.label}: value` : 'Value'), h('th', { scope: 'col' }, policies.length > 1 ? `${policy.label}: verdict` : 'Verdict')]),
  );
  const body = reference.map((row, r) =>
    h(
      'tr',
      { class: row.kind },
      h('th', { scope: 'row', class: 'sc-id' }, row.id),
      h('td', {}, h('span', { class: 'sc-name' }, row.name), h('span', { class: 'sc-indicator' }, row.indicator)),
      ...policies.flatMap((_, p) => {
        const cell = rowsOf[p]?.[r];
        if (cell === undefined) return [h('td', {}, '–'), h('td', {}, '–')];
        return [h('td', { class: 'num', title: cell.sentence }, scorecardValue(cell.value, cell.unit)), h('td', { title: cell.sentence }, h('span', { class: `verdict ${cell.verdict}` }, VERDICT_TEXT[cell.verdict]))];
      }),
    ),
  );
  const table = h('table', { class: 'scorecard' }, h('caption', {}, 'Hopes (H) and fears (F) of urban digital governance, scored on the run so far'), h('thead', {}, head), h('tbody', {}, ...body));
  container.replaceChildren(reference.length === 0 ? h('p', { class: 'empty' }, 'Press Play or Step to fill the scorecard.') : table);
}
