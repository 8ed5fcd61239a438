// The entry index.html loads. It carries the styles, so they are in the page from the start, and
// asks for the app's code only once the page has been painted: a server-rendered page is
// readable without it, and until that first paint the document and its styles have the
// connection to themselves.

import { MODULES_ELEMENT_ID } from './app/page-data.ts';
import { yieldToBrowser } from './lib/yield-to-browser.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/offline.css';
// In the entry, not the routes: a server-rendered page is styled before any script runs.
import './features/articles/article.css';
import './features/timeline/timeline.css';
import './styles/charts.css';
import './features/developers/developers.css';
import './styles/print.css';

/**
 * Resolves once the page's first content has been painted (the browser's first-contentful-paint
 * entry), or at once for a page nobody can see. Where the browser does not report paints, after
 * the next painted frame.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const hidden = () => document.visibilityState === 'hidden';
    if (hidden()) return resolve();
    let observer: PerformanceObserver | undefined;
    const done = () => {
      observer?.disconnect();
      document.removeEventListener('visibilitychange', onHide);
      resolve();
    };
    const onHide = () => hidden() && done();
    // A hidden page paints nothing; it goes on when hidden rather than wait for a paint.
    document.addEventListener('visibilitychange', onHide);
    // The second frame callback runs after the frame the first one belonged to was painted.
    const afterFrame = () => requestAnimationFrame(() => requestAnimationFrame(done));
    if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) return afterFrame();
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) afterFrame();
    });
    // Buffered: a paint that happened before this script ran is reported at once.
    observer.observe({ type: 'paint', buffered: true });
  });
}

/** The modules of the page's own route, which a server-rendered page names (entry-server.tsx). */
function preloadPageModules() {
  const listed = document.getElementById(MODULES_ELEMENT_ID)?.textContent;
  for (const href of listed ? (JSON.parse(listed) as string[]) : []) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    link.crossOrigin = '';
    document.head.append(link);
  }
}

// The app shell (sent when a page was not rendered, or by the service worker offline) has nothing
// to paint: it would wait for a first paint that never comes.
if (document.getElementById('root')?.firstElementChild) await afterPaint();
preloadPageModules();
// The app's libraries are evaluated one at a time, each in a task of its own (each is a chunk of
// its own: LIBRARY_CHUNKS in vite.config.ts), before the app, so that no single task holds the
// main thread for long. Importing a module evaluates the chunks it needs that are not evaluated
// yet; the import of the app then evaluates only its own code.
for (const library of [
  () => import('react-dom/client'),
  () => import('./app/apollo-client.ts'),
  () => import('./app/app.tsx'),
]) {
  await library();
  await yieldToBrowser();
}
await import('./main.tsx');
