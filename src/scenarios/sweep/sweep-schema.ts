/**
 * The sweep-file schema: the single source of the sweep-file type. A sweep
 * names a base scenario, the scenario fields to vary (by path), a design that
 * picks the points, replications with common random numbers, and seeds.
 *
 *     base: ../../scenarios/city.yaml      # relative to the sweep file
 *     overrides: { population: { size: 2000 }, horizonMonths: 12 }
 *     parameters:
 *       - { path: policy.channels.counter.capacityPerDayPer1000, min: 2, max: 8 }
 *       - { path: policy.channels.assisted.open, values: [false, true] }
 *     design: { type: lhs, samples: 50 }
 *     replications: 4
 *     seed: 7          # the design's random numbers (LHS, Morris)
 *     runSeed: 1       # replicate k runs with replicateSeed(runSeed, k) at every point
 */
import { z } from 'zod';

/** The design types. */
export const DESIGN_TYPES = ['grid', 'list', 'csv', 'lhs', 'morris', 'saltelli'] as const;
export type DesignType = (typeof DESIGN_TYPES)[number];

const seed = z.number().int().min(0).max(2 ** 40);

/** A value a parameter can take: anything a scenario field can hold. */
export const parameterValueSchema = z.json();

export const parameterSchema = z
  .object({
    path: z.string().min(1).meta({ description: 'the scenario field to vary, e.g. policy.channels.counter.capacityPerDayPer1000 or segments[id=75plus-low-outer].needsPerYear' }),
    name: z.string().min(1).meta({ description: 'column name in the results (default: the path)' }).optional(),
    values: z.array(parameterValueSchema).min(1).meta({ description: 'the values to take (grid: each of them; sampling designs: equally likely)' }).optional(),
    min: z.number().meta({ description: 'lowest value of a range' }).optional(),
    max: z.number().meta({ description: 'highest value of a range' }).optional(),
    integer: z.boolean().meta({ description: 'whether a range takes whole numbers only' }).default(false),
    levels: z.number().int().min(2).max(10_000).meta({ description: 'grid designs: levels of a range, evenly spaced from min to max (overrides design.levels)' }).optional(),
  })
  .strict();

export const designSchema = z
  .object({
    type: z.enum(DESIGN_TYPES).meta({ description: 'grid (full factorial), list (points here), csv (points in a file), lhs (Latin hypercube), morris (elementary-effects trajectories), saltelli (Sobol\' indices)' }),
    levels: z.number().int().min(2).max(10_000).meta({ description: 'grid: levels of each range; morris: grid levels p (even)' }).optional(),
    samples: z.number().int().min(1).max(10_000_000).meta({ description: 'lhs: number of points; saltelli: base samples N (points = N · (parameters + 2))' }).optional(),
    trajectories: z.number().int().min(1).max(1_000_000).meta({ description: 'morris: number of trajectories (points = trajectories · (parameters + 1))' }).optional(),
    points: z.array(z.record(z.string(), parameterValueSchema)).min(1).meta({ description: 'list: the points, each a mapping from parameter name to value' }).optional(),
    file: z.string().min(1).meta({ description: 'csv: the points file, relative to the sweep file; a header row of parameter names' }).optional(),
    skip: z.number().int().min(0).max(2 ** 31).meta({ description: 'saltelli: Sobol\' points skipped at the start of the sequence' }).optional(),
  })
  .strict();

export const sweepSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().min(1).meta({ description: 'sweep name (default: the file name)' }).optional(),
    description: z.string().default(''),
    base: z.string().min(1).meta({ description: 'the base scenario file, relative to the sweep file' }),
    overrides: z.record(z.string(), parameterValueSchema).meta({ description: 'scenario fields set at every point, by path (a mapping value merges into a mapping)' }).default({}),
    parameters: z.array(parameterSchema).min(1).max(1000),
    design: designSchema,
    replications: z.number().int().min(1).max(100_000).meta({ description: 'replicates per point; replicate k uses the same seed at every point' }).default(1),
    seed: seed.meta({ description: 'seed of the design\'s random numbers (lhs, morris)' }).default(1),
    runSeed: seed.meta({ description: 'master seed of the runs: replicate k runs with replicateSeed(runSeed, k)' }).default(1),
    metrics: z.array(z.string().min(1)).min(1).meta({ description: 'headline metrics to record (default: all), in column order' }).optional(),
  })
  .strict();

/** A sweep file as validated by the schema (cross-field rules are checked by the loader). */
export type SweepFile = z.output<typeof sweepSchema>;
export type SweepParameterInput = z.output<typeof parameterSchema>;
export type SweepDesignInput = z.output<typeof designSchema>;
