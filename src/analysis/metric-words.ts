/**
 * A headline metric's name in words, its group included.
 */
import { metricLabel, parseMetricName } from '../report/metric-labels.js';

/**
 * Words for a metric: its short label, then its group.
 * @example metricWords('unmetRate[age=75+]') === 'needs unmet (age 75+)'
 */
export function metricWords(metric: string): string {
  const { dimension, group } = parseMetricName(metric);
  return group === undefined ? metricLabel(metric) : `${metricLabel(metric)} (${dimension ?? ''} ${group})`;
}
