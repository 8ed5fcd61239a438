// What a preview image shows, as the element tree satori lays out: the site's paper background
// and red rule, a kicker (the outlet, or "Tag"), the headline in the site's serif, and a footer
// with the date and the site's name. Headlines are sized by length and clamped to their lines,
// so the longest one in the archive still fits inside the card.

import { SHARE_IMAGE_SIZE, SITE_NAME } from '@jin/site';
import { SANS, SERIF } from './fonts.ts';

/** The site's light palette (apps/web/src/styles/base.css). */
const COLORS = {
  bg: '#fbfaf7',
  text: '#1c1b19',
  muted: '#57534c',
  border: '#dcd7ce',
  brand: '#a8112a',
  accent: '#1a4d8f',
};

export interface Card {
  /** Small line above the headline: the outlet, or what kind of page it is. */
  kicker: string;
  headline: string;
  /** A sentence under the headline (a tag's description); left out for articles. */
  lede?: string | undefined;
  /** Left of the footer: the release date, or a count. */
  footer: string;
}

export interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: (Node | string)[] | Node | string };
}

const h = (
  type: string,
  style: Record<string, string | number>,
  children?: Node['props']['children'],
): Node => ({ type, props: { style, ...(children === undefined ? {} : { children }) } });

/**
 * The headline's size and how many lines it may take. 1,100 px of line holds about
 * 1,900 / size characters of Noto Serif Bold; the steps keep the longest headline of the
 * archive (about 180 characters) on five lines at 50 px.
 */
export function headlineSize(headline: string, withLede: boolean): { size: number; lines: number } {
  const length = [...headline].length;
  const steps = [
    { upTo: 40, size: 76, lines: 2 },
    { upTo: 80, size: 66, lines: 3 },
    { upTo: 130, size: 56, lines: 4 },
    { upTo: Number.POSITIVE_INFINITY, size: 48, lines: 5 },
  ];
  const step = steps.find((s) => length <= s.upTo) ?? { size: 48, lines: 5 };
  return withLede ? { size: step.size, lines: Math.min(step.lines, 2) } : step;
}

const clamp = (lines: number) => ({
  display: 'block',
  lineClamp: lines,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
});

export function cardElement(card: Card): Node {
  const { size, lines } = headlineSize(card.headline, card.lede !== undefined);
  const lineHeight = 1.18;
  return h(
    'div',
    {
      width: SHARE_IMAGE_SIZE.width,
      height: SHARE_IMAGE_SIZE.height,
      display: 'flex',
      flexDirection: 'column',
      boxSizing: 'border-box',
      backgroundColor: COLORS.bg,
      borderTop: `16px solid ${COLORS.brand}`,
      paddingTop: 48,
      paddingRight: 64,
      paddingBottom: 44,
      paddingLeft: 64,
      fontFamily: SANS,
      color: COLORS.text,
    },
    [
      h(
        'div',
        {
          fontSize: 30,
          fontWeight: 600,
          color: COLORS.accent,
          textTransform: 'uppercase',
          letterSpacing: 1.5,
          ...clamp(1),
        },
        card.kicker,
      ),
      h(
        'div',
        {
          marginTop: 28,
          fontFamily: SERIF,
          fontWeight: 700,
          fontSize: size,
          lineHeight,
          maxHeight: Math.ceil(size * lineHeight * lines) + 4,
          ...clamp(lines),
        },
        card.headline,
      ),
      ...(card.lede
        ? [
            h(
              'div',
              { marginTop: 24, fontSize: 30, lineHeight: 1.4, color: COLORS.muted, ...clamp(3) },
              card.lede,
            ),
          ]
        : []),
      h(
        'div',
        {
          marginTop: 'auto',
          paddingTop: 22,
          borderTop: `2px solid ${COLORS.border}`,
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          fontSize: 28,
        },
        [
          h('div', { color: COLORS.muted }, card.footer),
          h(
            'div',
            { fontFamily: SERIF, fontWeight: 700, fontSize: 32, color: COLORS.brand },
            SITE_NAME,
          ),
        ],
      ),
    ],
  );
}
