// Draws preview images off the server's event loop: satori lays out the card and resvg draws it,
// both here, in a worker thread of their own. Plain JavaScript, so that the worker loads as it is
// under every runner of the API (tsx, vitest). Messages: { id, element, size, fonts } in, where
// `fonts` are fonts not sent before; { id, png } or { id, error } out.

import { parentPort } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

/** Every font sent so far; a new array when it grows, as satori keeps its parsed fonts per array. */
let fonts = [];

parentPort?.on('message', async ({ id, element, size, fonts: more }) => {
  try {
    if (more.length > 0) fonts = [...fonts, ...more];
    const svg = await satori(element, { ...size, fonts });
    // The text is already outlined by satori: no system fonts to load.
    const png = new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
    parentPort?.postMessage({ id, png });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
