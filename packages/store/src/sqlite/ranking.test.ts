import { describe, expect, it } from 'vitest';
import { VersionedValues } from './ranking.ts';

describe('VersionedValues', () => {
  it('counts a key once per dataset version, keeping the most recently used', () => {
    let version = 'v1';
    let calls = 0;
    const counts = new VersionedValues(() => version, 2);
    const count = (n: number) => () => {
      calls++;
      return n;
    };
    expect(counts.get('a', count(1))).toBe(1);
    expect(counts.get('a', count(99))).toBe(1);
    counts.get('b', count(2));
    counts.get('a', count(99)); // a is now the most recently used
    counts.get('c', count(3)); // forgets b
    expect(counts.get('a', count(99))).toBe(1);
    expect(counts.get('b', count(20))).toBe(20);
    expect(calls).toBe(4);
    version = 'v2';
    expect(counts.get('a', count(10))).toBe(10);
  });
});
