/**
 * The calibration-file schema: the single source of the calibration-file
 * type. A calibration file names a scenario, the parameters to fit (by
 * path, with bounds), the target figures (with their sources and
 * tolerances), and how to simulate: replications with common random numbers,
 * a master seed, an evaluation budget.
 *
 *     scenario: ../../scenarios/city.yaml          # relative to this file
 *     horizonMonths: 12                            # optional: simulate less while fitting
 *     parameters:
 *       - { path: policy.channels.online.usability, min: 0.2, max: 0.95 }
 *       - name: access-75+
 *         paths: [segments[id=75plus-low-outer].internetAccess, segments[id=75plus-low-central].internetAccess]
 *         mode: shift                              # set (default) | shift (add) | scale (multiply)
 *         min: -0.2
 *         max: 0.2
 *     targets:
 *       - { id: access-75+, metric: accessShare, month: 0, group: { age: 75+ }, value: 0.44, tolerance: 0.05 }
 *       - { id: met, summary: overall.metShare, value: 0.99 }
 *     replications: 2
 *     seed: 1
 *     maxEvaluations: 150
 */
import { z } from 'zod';
import { FLOW_METRICS, isFlowMetric, isStockMetric, STOCK_METRICS, type GroupFilter, type MetricSpec } from './metric.js';

const labels = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).transform((value) => (typeof value === 'string' ? [value] : value));

export const groupSchema = z
  .object({
    age: labels.optional(),
    income: labels.optional(),
    district: labels.optional(),
    segment: labels.optional(),
  })
  .strict();

export const targetSchema = z
  .object({
    id: z.string().min(1).meta({ description: 'target id, used in the residuals table' }),
    description: z.string().optional(),
    summary: z.string().min(1).meta({ description: 'a number of the run summary by its dotted path, e.g. byAge.75+.accessShareEnd' }).optional(),
    metric: z.enum([...STOCK_METRICS, ...FLOW_METRICS]).meta({ description: 'a stock read at a month end or a flow over months' }).optional(),
    month: z.number().int().min(0).max(1200).meta({ description: 'stocks: the month whose end is read (default: the last)' }).optional(),
    months: z
      .tuple([z.number().int().min(0).max(1200), z.number().int().min(1).max(1200)])
      .refine(([from, to]) => from < to, 'months are [from, to) with from < to')
      .meta({ description: 'flows: the months [from, to) summed (default: the whole run)' })
      .optional(),
    group: groupSchema.meta({ description: 'the segments the figure is about, by age, income, district or segment id (default: everyone)' }).optional(),
    value: z.number().meta({ description: 'the target figure' }),
    tolerance: z.number().min(0).meta({ description: 'how far the simulated figure may be from the target and still count as reproduced' }).optional(),
    weight: z.number().min(0).default(1).meta({ description: 'weight of the squared residual in the objective' }),
    source: z.string().meta({ description: 'where the figure comes from' }).optional(),
  })
  .strict()
  .refine((t) => (t.summary === undefined) !== (t.metric === undefined), { message: 'give either summary (a path) or metric, not both' })
  .refine((t) => t.summary === undefined || (t.month === undefined && t.months === undefined && t.group === undefined), { message: 'month, months and group go with metric, not summary' })
  .refine((t) => t.metric === undefined || !isStockMetric(t.metric) || t.months === undefined, { message: 'a stock is read at one month: use month, not months' })
  .refine((t) => t.metric === undefined || !isFlowMetric(t.metric) || t.month === undefined, { message: 'a flow is summed over months: use months, not month' });

export const calibrationParameterSchema = z
  .object({
    name: z.string().min(1).meta({ description: 'parameter name in the outputs (default: the path)' }).optional(),
    path: z.string().min(1).meta({ description: 'the scenario field to fit, e.g. policy.channels.online.usability or segments[id=75plus-low-outer].internetAccess' }).optional(),
    paths: z.array(z.string().min(1)).min(1).meta({ description: 'several fields moved together by one parameter' }).optional(),
    mode: z.enum(['set', 'shift', 'scale']).default('set').meta({ description: 'set: the field is the parameter; shift: the field is its original value plus the parameter; scale: times the parameter' }),
    min: z.number().meta({ description: 'lower bound of the parameter' }),
    max: z.number().meta({ description: 'upper bound of the parameter' }),
    start: z.number().meta({ description: 'starting value (default: the scenario value for set, 0 for shift, 1 for scale)' }).optional(),
    step: z.number().gt(0).meta({ description: 'initial simplex step (default: 10% of max − min)' }).optional(),
  })
  .strict()
  .refine((p) => (p.path === undefined) !== (p.paths === undefined), { message: 'give either path or paths' })
  .refine((p) => p.min < p.max, { message: 'min must be below max' })
  .refine((p) => p.start === undefined || (p.start >= p.min && p.start <= p.max), { message: 'start must lie within [min, max]' });

export const calibrationSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().min(1).optional(),
    description: z.string().default(''),
    scenario: z.string().min(1).meta({ description: 'the scenario file to calibrate, relative to this file' }),
    horizonMonths: z.number().int().min(1).max(120).meta({ description: 'months simulated while fitting (default: the scenario horizon); the calibrated scenario keeps its own' }).optional(),
    sample: z.number().gt(0).max(1).meta({ description: 'population sample simulated while fitting (default: the scenario sample)' }).optional(),
    parameters: z.array(calibrationParameterSchema).min(1).max(20),
    targets: z.array(targetSchema).min(1).max(1000),
    replications: z.number().int().min(1).max(1000).default(2).meta({ description: 'replications per evaluation; replicate k uses seed + k at every evaluation (common random numbers)' }),
    seed: z.number().int().min(0).max(2 ** 40).default(1),
    maxEvaluations: z.number().int().min(1).max(100_000).default(150).meta({ description: 'largest number of parameter points evaluated' }),
  })
  .strict()
  .refine((c) => new Set(c.targets.map((t) => t.id)).size === c.targets.length, { message: 'target ids must be unique', path: ['targets'] });

export type CalibrationFile = z.output<typeof calibrationSchema>;
export type TargetInput = z.input<typeof targetSchema>;
export type CalibrationTargetSpec = z.output<typeof targetSchema>;

/** A target figure: what to read, the value, its tolerance and weight, and where it comes from. */
export interface Target {
  readonly id: string;
  readonly description: string;
  readonly metric: MetricSpec;
  readonly value: number;
  readonly tolerance: number | undefined;
  readonly weight: number;
  readonly source: string;
}

/** A target as the calibration file writes it, in engine terms. */
export function targetFromSpec(spec: CalibrationTargetSpec): Target {
  const group: GroupFilter = {
    ...(spec.group?.age === undefined ? {} : { age: spec.group.age }),
    ...(spec.group?.income === undefined ? {} : { income: spec.group.income }),
    ...(spec.group?.district === undefined ? {} : { district: spec.group.district }),
    ...(spec.group?.segment === undefined ? {} : { segment: spec.group.segment }),
  };
  let metric: MetricSpec;
  const name = spec.metric ?? '';
  if (spec.summary !== undefined) metric = { kind: 'summary', path: spec.summary };
  else if (isStockMetric(name)) metric = { kind: 'stock', metric: name, ...(spec.month === undefined ? {} : { month: spec.month }), group };
  else if (isFlowMetric(name)) metric = { kind: 'flow', metric: name, ...(spec.months === undefined ? {} : { fromMonth: spec.months[0], toMonth: spec.months[1] }), group };
  else throw new Error(`target ${spec.id}: unknown metric "${name}"`); // the schema admits only known names
  return { id: spec.id, description: spec.description ?? '', metric, value: spec.value, tolerance: spec.tolerance, weight: spec.weight, source: spec.source ?? '' };
}
