import { describe, expect, it } from 'vitest';
import {
  effectiveStage,
  type PartialDate,
  parsePartialDate,
  partialDateLabel,
} from './timeline.ts';

describe('partial dates', () => {
  it('reads each precision with the first and last day it can mean', () => {
    expect(parsePartialDate('2019-04-01')).toEqual({
      value: '2019-04-01',
      precision: 'day',
      start: '2019-04-01',
      end: '2019-04-01',
    });
    expect(parsePartialDate('2024-02')).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
    expect(parsePartialDate('2025-02')).toMatchObject({ start: '2025-02-01', end: '2025-02-28' });
    expect(parsePartialDate('FY2027')).toMatchObject({
      precision: 'fiscal-year',
      start: '2027-04-01',
      end: '2028-03-31',
    });
    expect(parsePartialDate('2028')).toMatchObject({ precision: 'year', end: '2028-12-31' });
  });

  it('refuses what is not a real date in one of the four forms', () => {
    for (const bad of ['2024-02-30', '2024-13', 'FY27', '24', '2024/04/01', 'soon', '']) {
      expect(parsePartialDate(bad), bad).toBeNull();
    }
  });

  it('takes effect at the in-force stage, else at the latest', () => {
    const stages = [{ stage: 'enacted' as const }, { stage: 'in-force' as const }];
    expect(effectiveStage(stages)).toBe(stages[1]);
    const withdrawn = [{ stage: 'proposed' as const }, { stage: 'withdrawn' as const }];
    expect(effectiveStage(withdrawn)).toBe(withdrawn[1]);
  });
});

describe('partial date labels', () => {
  it('say each precision as a reader would', () => {
    const label = (v: string) => partialDateLabel(parsePartialDate(v) as PartialDate);
    expect(label('2019-04-01')).toBe('1 April 2019');
    expect(label('2025-10')).toBe('October 2025');
    expect(label('FY2027')).toBe('fiscal 2027 (April 2027 to March 2028)');
    expect(label('2028')).toBe('2028');
  });
});
