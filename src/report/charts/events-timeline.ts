/**
 * The backlog of waiting needs month by month, with the months that had a
 * digital outage shaded and the months with a data breach marked by a rule:
 * what went wrong, when, and what it did to the queue.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MonthlyRow } from '../../sim/metrics/index.js';
import { LABELS, REPORT_TEXT, TITLES } from '../messages.js';
import type { DataTable } from './data-table.js';
import { finiteOrNull, monthlyLookup, monthsOf, tableMonths } from './monthly-select.js';
import { OKABE_ITO } from './palette.js';
import { baseSpec, CHART_HEIGHT, CHART_WIDTH } from './theme.js';

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => (Number.isFinite(value) ? total + value : total), 0);
}

interface MonthEvents {
  readonly month: number;
  readonly backlog: number;
  readonly outageDays: number;
  readonly breaches: number;
}

function monthEvents(rows: readonly MonthlyRow[]): MonthEvents[] {
  const lookup = monthlyLookup(rows);
  return monthsOf(rows).map((month) => ({
    month,
    backlog: lookup('all', 'backlogEnd', month),
    outageDays: lookup('all', 'outageDays', month),
    breaches: lookup('all', 'breaches', month),
  }));
}

/**
 * Backlog line with outage months shaded and breach months ruled.
 * @example const spec = eventsTimelineSpec(monthlyRows);
 */
export function eventsTimelineSpec(rows: readonly MonthlyRow[]): TopLevelSpec {
  const events = monthEvents(rows);
  const marks = [LABELS.outageMark, LABELS.breachMark];
  const last = events.length === 0 ? 1 : events[events.length - 1]!.month + 1;
  // Half a month either side, so a shaded outage month is as wide as the month.
  const month = { field: 'month', type: 'quantitative' as const, title: LABELS.month, axis: { tickMinStep: 1, format: 'd' }, scale: { domain: [0.5, last + 0.5], nice: false, zero: false } };
  const eventColor = { field: 'event', type: 'nominal', title: LABELS.eventMarks, scale: { domain: marks, range: [OKABE_ITO.skyBlue, OKABE_ITO.vermillion] } } as const;
  const outages = events.filter((row) => row.outageDays > 0).map((row) => ({ start: row.month + 0.5, end: row.month + 1.5, event: LABELS.outageMark, days: row.outageDays }));
  const breaches = events.filter((row) => row.breaches > 0).map((row) => ({ month: row.month + 1, event: LABELS.breachMark, breaches: row.breaches }));
  return {
    ...baseSpec(),
    title: { text: TITLES.events.title, subtitle: [TITLES.events.subtitle, TITLES.eventCounts(outages.length, sum(events.map((row) => row.outageDays)), sum(events.map((row) => row.breaches)))] },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    layer: [
      {
        data: { values: outages },
        mark: { type: 'rect', opacity: 0.35 },
        encoding: { x: { ...month, field: 'start' }, x2: { field: 'end' }, color: eventColor },
      },
      {
        data: { values: breaches },
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { x: month, color: eventColor },
      },
      {
        data: { values: events.map((row) => ({ month: row.month + 1, backlog: finiteOrNull(row.backlog) })) },
        mark: { type: 'line', color: OKABE_ITO.black, point: { color: OKABE_ITO.black, size: 16 } },
        encoding: { x: month, y: { field: 'backlog', type: 'quantitative', title: LABELS.backlog, axis: { format: ',.0f' }, scale: { zero: true } } },
      },
    ],
  };
}

/** The table beside the events chart: backlog, outage days and breaches by month (all months with an event are listed). */
export function eventsTimelineTable(rows: readonly MonthlyRow[]): DataTable {
  const events = monthEvents(rows);
  const { months, step } = tableMonths(events.map((row) => row.month));
  const picked = events.filter((row) => months.includes(row.month) || row.outageDays > 0 || row.breaches > 0);
  const columns = [
    { label: LABELS.month, unit: 'month' as const },
    { label: LABELS.backlog, unit: 'count' as const },
    { label: LABELS.outageDays, unit: 'count' as const },
    { label: LABELS.breaches, unit: 'count' as const },
  ];
  const tableRows = picked.map((row) => [row.month + 1, row.backlog, row.outageDays, row.breaches]);
  return step > 1 ? { columns, rows: tableRows, note: REPORT_TEXT.everyNthMonthAndEvents(step) } : { columns, rows: tableRows };
}
