// The installed app's icons, drawn from the site's mark (mark.svg, the favicon's drawing):
// `pnpm --filter @jin/web icons` writes them beside it, to be moved to public/icons/ and committed.
import { defineConfig } from '@vite-pwa/assets-generator/config';

export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset: {
    transparent: { sizes: [192, 512], favicons: [], padding: 0 },
    // Maskable icons are cropped to a circle or squircle: the mark sits in the safe zone on the
    // mark's own dark ground.
    maskable: { sizes: [512], padding: 0.3, resizeOptions: { background: '#1f1d1a' } },
    apple: { sizes: [180], padding: 0.3, resizeOptions: { background: '#1f1d1a' } },
  },
  images: ['icons/mark.svg'],
});
