import { describe, expect, it } from 'vitest';
import { QueueFullError, RenderQueue } from './render-queue.ts';

describe('RenderQueue', () => {
  it('runs at most `concurrency` tasks at once and refuses past `waiting`', async () => {
    const queue = new RenderQueue(2, 3);
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const task = () =>
      new Promise<number>((resolve) => {
        running++;
        most = Math.max(most, running);
        releases.push(() => {
          running--;
          resolve(running);
        });
      });
    const runs = Array.from({ length: 8 }, () =>
      queue.run(task).then(
        () => 'done',
        (e) => e,
      ),
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(queue.stats).toMatchObject({ running: 2, waiting: 3, refused: 3 });
    while (releases.length > 0 || queue.stats.running > 0) {
      releases.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    const results = await Promise.all(runs);
    expect(results.filter((r) => r === 'done')).toHaveLength(5);
    expect(results.filter((r) => r instanceof QueueFullError)).toHaveLength(3);
    expect(most).toBe(2);
    expect(queue.stats).toMatchObject({ running: 0, waiting: 0, mostRunning: 2, started: 5 });
  });

  it('frees the slot when a task fails', async () => {
    const queue = new RenderQueue(1, 0);
    await expect(queue.run(() => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    await expect(queue.run(async () => 'ok')).resolves.toBe('ok');
  });
});
