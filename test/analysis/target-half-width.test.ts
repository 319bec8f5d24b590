import { describe, expect, it } from 'vitest';
import { parseTargetHalfWidth } from '../../src/analysis/target-half-width.js';

describe('parseTargetHalfWidth', () => {
  it('reads absolute and relative targets, group metrics included', () => {
    expect(parseTargetHalfWidth('unmetRate=0.005')).toEqual({ metric: 'unmetRate', halfWidth: 0.005, relative: false });
    expect(parseTargetHalfWidth('unmetRate[age=75+]=5%')).toEqual({ metric: 'unmetRate[age=75+]', halfWidth: 0.05, relative: true });
    expect(parseTargetHalfWidth(' costPerMetNeedGbp = 1e-1 ')).toEqual({ metric: 'costPerMetNeedGbp', halfWidth: 0.1, relative: false });
  });

  it('rejects other forms', () => {
    for (const text of ['unmetRate', '=0.1', 'unmetRate=', 'unmetRate=0', 'unmetRate=-1', 'unmetRate=abc', 'unmetRate=1%%', 'unmetRate=Infinity']) {
      expect(parseTargetHalfWidth(text), text).toBeUndefined();
    }
  });
});
