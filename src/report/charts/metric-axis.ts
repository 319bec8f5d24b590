/**
 * How a headline metric is named on an axis and formatted on its ticks:
 * its short label, its group, and its unit, e.g. "Needs unmet, citizens
 * aged 75+ (%)" with ticks as percentages.
 */
import { describeMetric } from '../../sim/metrics/index.js';
import { metricLabel, parseMetricName } from '../metric-labels.js';
import { capitalise, GROUPS } from '../messages.js';
import type { ColumnUnit } from './data-table.js';

/** The unit words of a metric's axis title. */
function unitSuffix(unit: string | undefined): string {
  switch (unit) {
    case undefined:
      return '';
    case 'share':
      return ' (%)';
    case 'GBP':
      return ' (£)';
    case '0-1':
      return ' (0–1 scale)';
    default:
      return ` (${unit})`;
  }
}

/** The axis title of a headline metric. @example metricAxisTitle('unmetRate[age=75+]') === 'Needs unmet, citizens aged 75+ (%)' */
export function metricAxisTitle(metric: string): string {
  const { dimension, group } = parseMetricName(metric);
  const groupText = dimension === undefined || group === undefined ? '' : `, ${GROUPS.citizens(`${dimension}:${group}`)}`;
  const label = metricLabel(metric);
  // Some short labels already name their scale, e.g. "trust at the end (0-1)".
  const unit = /\(.*\)$/.test(label) ? '' : unitSuffix(describeMetric(metric)?.unit);
  return `${capitalise(label)}${groupText}${unit}`;
}

/** The metric's name in a sentence, without its unit. */
export function metricWords(metric: string): string {
  const { dimension, group } = parseMetricName(metric);
  const groupText = dimension === undefined || group === undefined ? '' : ` for ${GROUPS.citizens(`${dimension}:${group}`)}`;
  return `${metricLabel(metric)}${groupText}`;
}

/** The d3 tick format of a metric's axis. */
export function metricTickFormat(metric: string): string {
  const unit = describeMetric(metric)?.unit;
  if (unit === 'share') return '.0%';
  if (unit === 'GBP') return ',.2f';
  return ',.3~f';
}

/** The table unit of a metric's values. */
export function metricColumnUnit(metric: string): ColumnUnit {
  const unit = describeMetric(metric)?.unit;
  if (unit === 'share') return 'share';
  if (unit === 'GBP') return 'gbp';
  if (unit === 'days') return 'days';
  if (unit === '0-1') return 'trust';
  if (unit === 'count' || unit === 'needs' || unit === 'records') return 'count';
  return 'number';
}
