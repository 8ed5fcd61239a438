import { describe, expect, it } from 'vitest';
import { hostOf, httpUrl } from './safe-url.ts';

describe('httpUrl', () => {
  it('keeps http and https addresses', () => {
    expect(httpUrl('https://www.japantimes.co.jp/news/x')).toBe(
      'https://www.japantimes.co.jp/news/x',
    );
    expect(httpUrl('http://example.com')).toBe('http://example.com/');
  });

  it('refuses other schemes and junk', () => {
    expect(httpUrl('javascript:alert(1)')).toBeNull();
    expect(httpUrl(' javascript:alert(1)')).toBeNull();
    expect(httpUrl('data:text/html,<script>')).toBeNull();
    expect(httpUrl('//evil.example')).toBeNull();
    expect(httpUrl('https://')).toBeNull();
    expect(httpUrl(null)).toBeNull();
  });
});

describe('hostOf', () => {
  it('drops the www prefix', () => {
    expect(hostOf('https://www.nippon.com/en/news')).toBe('nippon.com');
  });
});
