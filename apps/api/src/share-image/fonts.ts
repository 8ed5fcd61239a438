// The preview images' type: Noto Serif for headlines (the site's serif stack names it), Noto Sans
// for the rest, both from their font packages as WOFF (satori reads WOFF, not WOFF2). Text the
// Latin fonts cannot show (an outlet's name in Japanese, say) is drawn with Noto Sans JP, whose
// package splits it into about 120 files by character range: only the files a text needs are read.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Font } from 'satori';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export const SERIF = 'Noto Serif';
export const SANS = 'Noto Sans';
const JAPANESE = 'Noto Sans JP';

type Weight = Font['weight'];

async function fontFile(pkg: string, file: string, name: string, weight: Weight): Promise<Font> {
  const data = await readFile(join(packageDir(pkg), 'files', file));
  return { name, data, weight, style: 'normal' };
}

/** The fonts every image uses, read once. */
export function loadBaseFonts(): Promise<Font[]> {
  const serif = '@fontsource/noto-serif';
  const sans = '@fontsource/noto-sans';
  return Promise.all([
    fontFile(serif, 'noto-serif-latin-700-normal.woff', SERIF, 700),
    fontFile(serif, 'noto-serif-latin-ext-700-normal.woff', SERIF, 700),
    fontFile(sans, 'noto-sans-latin-400-normal.woff', SANS, 400),
    fontFile(sans, 'noto-sans-latin-ext-400-normal.woff', SANS, 400),
    fontFile(sans, 'noto-sans-latin-600-normal.woff', SANS, 600),
    fontFile(sans, 'noto-sans-latin-ext-600-normal.woff', SANS, 600),
  ]);
}

interface Subset {
  file: string;
  /** Inclusive code point ranges. */
  ranges: [number, number][];
}

/** The package's own stylesheet says which file holds which characters (its unicode-range). */
function parseSubsets(css: string): Subset[] {
  const subsets: Subset[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [from = '', to] = part.trim().replace(/^U\+/i, '').split('-');
      return [Number.parseInt(from, 16), Number.parseInt(to ?? from, 16)];
    });
    subsets.push({ file, ranges });
  }
  return subsets;
}

/**
 * Finds the Japanese font files for characters the base fonts lack, reading each file once.
 * Satori calls `load` with each run of such text; characters no file covers stay as satori
 * draws missing glyphs.
 */
export class FallbackFonts {
  private subsets: Promise<Subset[]> | null = null;
  private readonly files = new Map<string, Promise<Font>>();
  private readonly pkg = '@fontsource/noto-sans-jp';

  load = async (_language: string, segment: string): Promise<Font[]> => {
    this.subsets ??= readFile(join(packageDir(this.pkg), '700.css'), 'utf8').then(parseSubsets);
    const subsets = await this.subsets;
    const wanted = new Set<string>();
    for (const char of segment) {
      const code = char.codePointAt(0) ?? 0;
      const subset = subsets.find((s) => s.ranges.some(([a, b]) => code >= a && code <= b));
      if (subset) wanted.add(subset.file);
    }
    // Regular and bold, to match the text around: the files of each weight cover the same ranges.
    const files = [...wanted].flatMap((file) => [
      { file: file.replace('-700-', '-400-'), weight: 400 as const, name: file },
      { file, weight: 700 as const, name: file },
    ]);
    return Promise.all(
      files.map(({ file, weight, name }) => {
        let font = this.files.get(file);
        if (!font) {
          // A family per range: satori keeps one font per family and weight, and each file of
          // the package holds other characters.
          font = fontFile(this.pkg, file, `${JAPANESE} ${name}`, weight);
          this.files.set(file, font);
        }
        return font;
      }),
    );
  };

  /** How many of the Japanese font's files have been read. */
  get filesRead(): number {
    return this.files.size;
  }
}
