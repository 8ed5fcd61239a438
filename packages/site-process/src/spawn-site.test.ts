import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort, spawnSite } from './spawn-site.ts';

describe('spawnSite', () => {
  it('starts the site on a free loopback port and returns once /healthz answers', async () => {
    const site = await spawnSite({ JIN_DB_PATH: ':memory:', JIN_WEB_DIST: '/nonexistent' });
    try {
      expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(site.startMs).toBeGreaterThan(0);
      const health = (await (await fetch(`${site.url}/healthz`)).json()) as { status: string };
      expect(health.status).toBe('ok');
    } finally {
      const exited = new Promise((resolve) => site.child.once('exit', resolve));
      site.child.kill('SIGTERM');
      await exited;
    }
  });

  it('fails with what the site printed when it stops before it is ready', async () => {
    await expect(spawnSite({ JIN_DB_PATH: ':memory:', JIN_MAX_DEPTH: 'deep' })).rejects.toThrow(
      /exited \(1\) before it was ready:[\s\S]*JIN_MAX_DEPTH/,
    );
  });
});

describe('freePort', () => {
  it('gives a port a server can listen on', async () => {
    const port = await freePort();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });
});
