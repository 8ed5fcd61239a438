import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('database settings', () => {
  it('runs on the SQLite file unless a PostgreSQL URL is given', () => {
    expect(loadConfig({}).JIN_DATABASE_URL).toBeUndefined();
    const config = loadConfig({ JIN_DATABASE_URL: 'postgresql://jin:pw@db:5432/jin' });
    expect(config.JIN_DATABASE_URL).toBe('postgresql://jin:pw@db:5432/jin');
    expect(config.JIN_DATABASE_POOL_SIZE).toBe(10);
    expect(config.JIN_DATABASE_STATEMENT_TIMEOUT_MS).toBe(5000);
  });

  it.each([
    ['JIN_DATABASE_URL', 'mysql://db/jin', 'postgres://'],
    ['JIN_DATABASE_URL', 'db:5432', 'postgres://'],
    ['JIN_DATABASE_POOL_SIZE', '0', 'JIN_DATABASE_POOL_SIZE'],
    ['JIN_DATABASE_POOL_SIZE', 'many', 'JIN_DATABASE_POOL_SIZE'],
    ['JIN_DATABASE_STATEMENT_TIMEOUT_MS', '5', 'JIN_DATABASE_STATEMENT_TIMEOUT_MS'],
  ])('refuses %s=%s, naming the variable', (name, value, named) => {
    expect(() => loadConfig({ [name]: value })).toThrow(named);
  });
});

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
