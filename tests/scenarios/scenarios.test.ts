import { expect, test } from 'vitest';
import { loadScenarios, runScenario } from './runScenario';

const scenarios = loadScenarios();

test('there are scenarios', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(5);
});

for (const scenario of scenarios)
  test(`scenario: ${scenario.name}`, () => {
    expect(runScenario(scenario)).toEqual([]);
  });
