import { describe, expect, it } from 'vitest';
import { FallbackFonts } from './fonts.ts';

describe('FallbackFonts', () => {
  it('reads only the Japanese font files that hold the characters asked for', async () => {
    const fonts = new FallbackFonts();
    const found = await fonts.load('ja-JP', '朝日新聞');
    // Each file in regular and bold.
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(8);
    expect(new Set(found.map((f) => f.weight))).toEqual(new Set([400, 700]));
    for (const font of found) {
      // WOFF files start with the signature "wOFF".
      expect(
        Buffer.from(font.data as ArrayBuffer)
          .subarray(0, 4)
          .toString('latin1'),
      ).toBe('wOFF');
    }
    const read = fonts.filesRead;
    await fonts.load('ja-JP', '朝日');
    expect(fonts.filesRead).toBe(read);
    expect(await fonts.load('unknown', '\u{E000}')).toEqual([]);
  });
});
