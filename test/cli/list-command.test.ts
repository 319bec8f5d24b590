import { describe, expect, it } from 'vitest';
import { builtinScenarios, scenarioSummary } from '../../src/cli/list-command.js';

describe('scenarioSummary', () => {
  it('takes the first sentence of the description', () => {
    expect(scenarioSummary('name: X\ndescription: >-\n  Counters close at month 6; online only.\n  Then more. And more.\n')).toBe('Counters close at month 6; online only.');
  });

  it('falls back on the header comment, then the name', () => {
    expect(scenarioSummary('# yaml-language-server: $schema=x.json\n#\n# A city with\n# no counters. Second sentence.\n#\n# Sources.\nname: X\n')).toBe('A city with no counters.');
    expect(scenarioSummary('name: Only a name\n')).toBe('Only a name');
    expect(scenarioSummary(': not yaml [')).toBe('');
  });
});

describe('builtinScenarios', () => {
  it('lists the city and the rollouts first, each with a summary', () => {
    const scenarios = builtinScenarios();
    expect(scenarios.slice(0, 3).map((s) => s.file)).toEqual(['city.yaml', 'digital-only.yaml', 'hybrid.yaml']);
    expect(scenarios.length).toBeGreaterThan(20);
    for (const scenario of scenarios) expect(scenario.summary, scenario.file).not.toBe('');
  });
});
