import { describe, expect, test } from 'vitest';
import { parsePolicy } from '../edge/gate/parseContext';
import { budgetOf, DEFAULT_BUDGET_MS } from './budget';

describe('budgetOf', () => {
  test("the policy's own budget, else its profile's default", () => {
    expect(budgetOf(parsePolicy({}))).toBe(DEFAULT_BUDGET_MS.balanced);
    expect(budgetOf(parsePolicy({ profile: 'expert' }))).toBe(DEFAULT_BUDGET_MS.expert);
    expect(budgetOf(parsePolicy({ profile: 'expert', routing: { budgetMs: 2500 } }))).toBe(2500);
  });
});
