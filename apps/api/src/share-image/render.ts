// Card → SVG (satori, on the event loop, a few tens of milliseconds) → PNG (resvg, on libuv's
// thread pool, so the event loop keeps answering while the pixels are drawn).

import { SHARE_IMAGE_SIZE } from '@jin/site';
import { renderAsync } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import { type Card, cardElement } from './card.ts';
import { FallbackFonts, loadBaseFonts } from './fonts.ts';

export class CardRenderer {
  private fonts: Promise<Font[]> | null = null;
  readonly fallback = new FallbackFonts();

  async render(card: Card): Promise<Buffer> {
    this.fonts ??= loadBaseFonts();
    const svg = await satori(cardElement(card) as unknown as Parameters<typeof satori>[0], {
      ...SHARE_IMAGE_SIZE,
      fonts: await this.fonts,
      loadAdditionalAsset: this.fallback.load,
    });
    // The text is already outlined by satori: no system fonts to load.
    const image = await renderAsync(svg, { font: { loadSystemFonts: false } });
    return image.asPng();
  }
}
