/** A small two-segment city for calibration tests, fast to run. */
import { scenarioSchema, type Scenario } from '../../src/scenarios/schema.js';

export function tinyCity(overrides: { citizens?: number; months?: number } = {}): Scenario {
  const attributes = { digitalSkill: { mean: 0.5, sd: 0.15 }, motivation: { mean: 0.5, sd: 0.15 }, privacyConcern: { mean: 0.4, sd: 0.15 }, trust: { mean: 0.45, sd: 0.1 } };
  return scenarioSchema.parse({
    name: 'tiny city',
    horizonMonths: overrides.months ?? 3,
    population: { size: overrides.citizens ?? 3000 },
    districts: [{ id: 'centre', counterTravelMinutes: 20, assistedTravelMinutes: 15 }],
    segments: [
      { id: 'young', age: 'young', income: 'any', district: 'centre', share: 0.6, internetAccess: 0.9, ...attributes, needsPerYear: 6, patienceDays: 30, helperAvailable: 0.5 },
      { id: 'old', age: 'old', income: 'any', district: 'centre', share: 0.4, internetAccess: 0.5, ...attributes, needsPerYear: 6, patienceDays: 30, helperAvailable: 0.5, asc: { counter: 0.5 } },
    ],
    services: [{ id: 'form', share: 1, complexity: 0.3, agencies: 1, patienceFactor: 1, dataFields: 10, automatable: false }],
    policy: { channels: { phone: { capacityPerDayPer1000: 20 }, counter: { capacityPerDayPer1000: 20 } } },
  });
}
