// Rendering an image costs tens of milliseconds of CPU. A flood of requests for distinct images
// (each a cache miss) would otherwise take every core: at most `concurrency` renders run at once,
// at most `waiting` more wait their turn, and past that a request is turned away at once (503).

export class QueueFullError extends Error {
  constructor() {
    super('too many preview images are being drawn; try again shortly');
  }
}

export interface RenderQueueStats {
  running: number;
  waiting: number;
  /** The most renders that ever ran at once. */
  mostRunning: number;
  started: number;
  refused: number;
}

export class RenderQueue {
  private running = 0;
  private readonly queue: (() => void)[] = [];
  readonly stats: RenderQueueStats = {
    running: 0,
    waiting: 0,
    mostRunning: 0,
    started: 0,
    refused: 0,
  };

  constructor(
    private readonly concurrency: number,
    private readonly waiting: number,
  ) {}

  /** Runs `task` when a slot is free; throws QueueFullError when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.queue.length >= this.waiting) {
        this.stats.refused++;
        throw new QueueFullError();
      }
      const turn = new Promise<void>((resolve) => this.queue.push(resolve));
      this.update();
      await turn;
    } else {
      this.running++;
    }
    this.stats.started++;
    this.stats.mostRunning = Math.max(this.stats.mostRunning, this.running);
    this.update();
    try {
      return await task();
    } finally {
      // The slot passes straight to the next waiting task, or is given back.
      const next = this.queue.shift();
      if (next) next();
      else this.running--;
      this.update();
    }
  }

  private update() {
    this.stats.running = this.running;
    this.stats.waiting = this.queue.length;
  }
}
