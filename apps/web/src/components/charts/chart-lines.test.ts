import { describe, expect, it } from 'vitest';
import { segments } from './chart-lines.ts';

const p = (date: string) => ({ date, value: 1 });

describe('segments', () => {
  it('keeps a line with a steady step whole', () => {
    const points = ['2020-12-31', '2021-12-31', '2022-12-31', '2023-12-31'].map(p);
    expect(segments(points)).toEqual([points]);
  });

  it('breaks a line where a period has no figure', () => {
    const points = ['2019-06-30', '2019-12-31', '2020-06-30', '2021-06-30', '2021-12-31'].map(p);
    expect(segments(points).map((run) => run.map((q) => q.date))).toEqual([
      ['2019-06-30', '2019-12-31', '2020-06-30'],
      ['2021-06-30', '2021-12-31'],
    ]);
  });

  it('draws one or two points as they are', () => {
    expect(segments([p('2020-01-31')])).toEqual([[p('2020-01-31')]]);
    expect(segments([])).toEqual([]);
  });
});
