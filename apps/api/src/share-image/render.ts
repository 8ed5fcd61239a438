// Card → PNG in a worker thread (render-worker.mjs), so that drawing, tens to hundreds of
// milliseconds of CPU, never holds the event loop. The fonts are read here and sent to the worker
// once each; the Japanese ones only when a card has characters the Latin fonts lack.

import { Worker } from 'node:worker_threads';
import { SHARE_IMAGE_SIZE } from '@jin/site';
import type { Font } from 'satori';
import { type Card, cardElement } from './card.ts';
import { FallbackFonts, loadBaseFonts } from './fonts.ts';

/** Latin, Latin-1 and Latin Extended, and the punctuation and symbols the base fonts hold. */
const BASE_CHARACTERS = /[\u0020-\u024f\u2000-\u206f\u20a0-\u20bf\u2100-\u214f]/u;

type Reply = { id: number; png: Uint8Array } | { id: number; error: string };

/** A font as it crosses to the worker: its bytes as an ArrayBuffer of their own. */
const portable = (font: Font): Font => {
  const data = font.data as Buffer;
  return {
    ...font,
    data: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
  };
};

export class CardRenderer {
  private worker: Worker | null = null;
  private base: Promise<Font[]> | null = null;
  private readonly sent = new Set<string>();
  private readonly pending = new Map<
    number,
    { resolve: (png: Buffer) => void; reject: (e: Error) => void }
  >();
  private nextId = 1;
  readonly fallback = new FallbackFonts();

  async render(card: Card): Promise<Buffer> {
    this.base ??= loadBaseFonts();
    const text = [card.kicker, card.headline, card.lede ?? '', card.footer].join(' ');
    const other = [...new Set([...text].filter((c) => !BASE_CHARACTERS.test(c)))].join('');
    const fonts = [...(await this.base), ...(other ? await this.fallback.load('', other) : [])];
    const fresh = fonts.filter((f) => !this.sent.has(`${f.name}\0${f.weight}`));
    for (const f of fresh) this.sent.add(`${f.name}\0${f.weight}`);
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.start().postMessage({
        id,
        element: cardElement(card),
        size: SHARE_IMAGE_SIZE,
        fonts: fresh.map(portable),
      });
    });
  }

  /** Stops the worker; a later render starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.sent.clear();
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./render-worker.mjs', import.meta.url));
    // An idle worker does not keep the process alive.
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!waiting) return;
      if ('error' in reply) waiting.reject(new Error(`drawing a preview image: ${reply.error}`));
      else waiting.resolve(Buffer.from(reply.png));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) {
        this.worker = null;
        this.sent.clear();
      }
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`the preview image worker stopped with code ${code}`));
    });
    this.worker = worker;
    return worker;
  }
}
