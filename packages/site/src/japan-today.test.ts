import { describe, expect, it } from 'vitest';
import { dayBefore, todayInJapan } from './japan-today.ts';

describe('todayInJapan', () => {
  it('turns the date over at midnight in Japan, not in UTC', () => {
    expect(todayInJapan(new Date('2026-03-31T14:59:59Z'))).toBe('2026-03-31');
    expect(todayInJapan(new Date('2026-03-31T15:00:00Z'))).toBe('2026-04-01');
  });
});

describe('dayBefore', () => {
  it('steps back across months, years and leap days', () => {
    expect(dayBefore('2026-04-01')).toBe('2026-03-31');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });
});
