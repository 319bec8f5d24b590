/**
 * Outcomes by segment, from the run summary: the share of needs met, the
 * channel mix of met needs, and the days from need to service. Segments keep
 * the scenario's order; bars are coloured by age band or channel.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SegmentMetrics } from '../../sim/metrics/index.js';
import { CHANNEL_LABELS, LABELS, TITLES } from '../messages.js';
import type { DataTable } from './data-table.js';
import { finiteOrNull } from './monthly-select.js';
import { categoryColors, OKABE_ITO } from './palette.js';
import { baseSpec, CHART_WIDTH } from './theme.js';

/** Segments by id, in the scenario's order (as RunSummary.segments holds them). */
export type Segments = Readonly<Record<string, SegmentMetrics>>;

/** Height of one segment's band, in pixels. */
const BAND = 18;

const CHANNELS = ['online', 'phone', 'counter', 'assisted'] as const;

function ageBands(segments: Segments): string[] {
  return [...new Set(Object.values(segments).map((segment) => segment.age))];
}

function segmentAxis(ids: readonly string[]) {
  return { field: 'segment', type: 'nominal', title: LABELS.segment, sort: [...ids] } as const;
}

/**
 * The met share of every segment as horizontal bars coloured by age band.
 * @example const spec = metShareBySegmentSpec(summary.segments);
 */
export function metShareBySegmentSpec(segments: Segments): TopLevelSpec {
  const ids = Object.keys(segments);
  const ages = ageBands(segments);
  return {
    ...baseSpec(),
    title: { text: TITLES.metShareBySegment.title, subtitle: TITLES.metShareBySegment.subtitle },
    width: CHART_WIDTH,
    height: { step: BAND },
    data: { values: ids.map((id) => ({ segment: id, age: segments[id]!.age, metShare: finiteOrNull(segments[id]!.metShare) })) },
    mark: { type: 'bar' },
    encoding: {
      y: segmentAxis(ids),
      x: { field: 'metShare', type: 'quantitative', title: LABELS.metSharePercent, axis: { format: '.0%' }, scale: { domain: [0, 1] } },
      color: { field: 'age', type: 'nominal', title: LABELS.ageBand, scale: { domain: ages, range: categoryColors(ages.length) } },
    },
  };
}

/** The table beside the met-share chart. */
export function metShareTable(segments: Segments): DataTable {
  return {
    columns: [
      { label: LABELS.segment, unit: 'text' },
      { label: LABELS.metSharePercent, unit: 'share' },
      { label: LABELS.unmetRatePercent, unit: 'share' },
    ],
    rows: Object.entries(segments).map(([id, segment]) => [id, segment.metShare, segment.unmetRate]),
  };
}

/** The channel mix of each segment's met needs, as stacked horizontal bars. */
export function channelMixSpec(segments: Segments): TopLevelSpec {
  const ids = Object.keys(segments);
  const labels = CHANNELS.map((channel) => CHANNEL_LABELS[channel]);
  const values = ids.flatMap((id) =>
    CHANNELS.map((channel, order) => ({ segment: id, channel: CHANNEL_LABELS[channel], order, share: finiteOrNull(segments[id]!.channelMix[channel]) })),
  );
  return {
    ...baseSpec(),
    title: { text: TITLES.channelMix.title, subtitle: TITLES.channelMix.subtitle },
    width: CHART_WIDTH,
    height: { step: BAND },
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: segmentAxis(ids),
      x: { field: 'share', type: 'quantitative', stack: 'zero', title: LABELS.channelSharePercent, axis: { format: '.0%' }, scale: { domain: [0, 1] } },
      color: { field: 'channel', type: 'nominal', title: LABELS.channel, scale: { domain: labels, range: categoryColors(labels.length) } },
      order: { field: 'order', type: 'quantitative' },
    },
  };
}

/** The table beside the channel-mix chart. */
export function channelMixTable(segments: Segments): DataTable {
  return {
    columns: [{ label: LABELS.segment, unit: 'text' }, ...CHANNELS.map((channel) => ({ label: `${CHANNEL_LABELS[channel]} (%)`, unit: 'share' as const }))],
    rows: Object.entries(segments).map(([id, segment]) => [id, ...CHANNELS.map((channel) => segment.channelMix[channel])]),
  };
}

/** Median and 90th percentile of days to service per segment: a dot for each, joined by a rule. */
export function daysToServiceSpec(segments: Segments): TopLevelSpec {
  const ids = Object.keys(segments);
  const statistics = [LABELS.daysMedian, LABELS.daysP90];
  const ranges = ids.map((id) => ({ segment: id, median: finiteOrNull(segments[id]!.daysToServiceMedian), p90: finiteOrNull(segments[id]!.daysToServiceP90) }));
  const points = ids.flatMap((id) => [
    { segment: id, statistic: LABELS.daysMedian, days: finiteOrNull(segments[id]!.daysToServiceMedian) },
    { segment: id, statistic: LABELS.daysP90, days: finiteOrNull(segments[id]!.daysToServiceP90) },
  ]);
  return {
    ...baseSpec(),
    title: { text: TITLES.daysToService.title, subtitle: TITLES.daysToService.subtitle },
    width: CHART_WIDTH,
    height: { step: BAND },
    layer: [
      {
        data: { values: ranges },
        mark: { type: 'rule', color: OKABE_ITO.black, strokeWidth: 1.5 },
        encoding: {
          y: segmentAxis(ids),
          x: { field: 'median', type: 'quantitative', title: LABELS.daysToService, scale: { zero: true } },
          x2: { field: 'p90' },
        },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          y: segmentAxis(ids),
          x: { field: 'days', type: 'quantitative', title: LABELS.daysToService },
          color: { field: 'statistic', type: 'nominal', title: LABELS.statistic, scale: { domain: statistics, range: [OKABE_ITO.blue, OKABE_ITO.vermillion] } },
          shape: { field: 'statistic', type: 'nominal', title: LABELS.statistic, scale: { domain: statistics, range: ['circle', 'diamond'] } },
        },
      },
    ],
  };
}

/** The table beside the days-to-service chart. */
export function daysToServiceTable(segments: Segments): DataTable {
  return {
    columns: [
      { label: LABELS.segment, unit: 'text' },
      { label: LABELS.daysMedian, unit: 'days' },
      { label: LABELS.daysP90, unit: 'days' },
      { label: LABELS.daysMean, unit: 'days' },
    ],
    rows: Object.entries(segments).map(([id, segment]) => [id, segment.daysToServiceMedian, segment.daysToServiceP90, segment.daysToServiceMean]),
  };
}
