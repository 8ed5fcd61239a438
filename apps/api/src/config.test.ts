import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('the public origin', () => {
  it('comes from JIN_PUBLIC_URL, without a trailing slash', () => {
    expect(loadConfig({ JIN_PUBLIC_URL: 'https://news.example.org/' }).publicUrl).toBe(
      'https://news.example.org',
    );
    expect(loadConfig({ JIN_PUBLIC_URL: 'https://example.org/news' }).publicUrl).toBe(
      'https://example.org/news',
    );
  });

  it('is the address the site listens on when not set', () => {
    expect(loadConfig({ HOST: '127.0.0.1', PORT: '4500' }).publicUrl).toBe('http://127.0.0.1:4500');
    expect(loadConfig({ HOST: '::1', PORT: '4500' }).publicUrl).toBe('http://[::1]:4500');
  });

  it('refuses an address that is not a URL, naming the variable', () => {
    expect(() => loadConfig({ JIN_PUBLIC_URL: 'news.example.org' })).toThrow(/JIN_PUBLIC_URL/);
  });
});
