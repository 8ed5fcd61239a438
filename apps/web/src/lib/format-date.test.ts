import { describe, expect, it } from 'vitest';
import { formatDate, isIsoDate } from './format-date.ts';

describe('formatDate', () => {
  it('writes day, short month and year', () => {
    expect(formatDate('2026-11-28')).toBe('28 Nov 2026');
    expect(formatDate('2024-01-05')).toBe('5 Jan 2024');
  });

  it('leaves unexpected values alone and blanks missing ones', () => {
    expect(formatDate('sometime in 2024')).toBe('sometime in 2024');
    expect(formatDate(null)).toBe('');
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('24-1-1')).toBe(false);
  });
});
