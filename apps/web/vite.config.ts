import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
// By path, not by package name: Vite bundles the config's relative imports, but leaves package
// imports to Node, which cannot load TypeScript.
import { API_PREFIXES } from '../../packages/site/src/paths.ts';
import { TRUSTED_DOCUMENTS_FILE } from '../../packages/site/src/server-entry.ts';

const api = 'http://127.0.0.1:4000';
const proxy = Object.fromEntries(API_PREFIXES.map((prefix) => [prefix, api]));

/**
 * Replaces each `graphql(`…`)` call with an import of that one generated document, so a chunk
 * carries only the documents it uses instead of codegen's map of all of them.
 */
function graphqlDocuments(): Plugin {
  const generated = fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url));
  let exportsByName = new Map<string, string>();
  return {
    name: 'jin:graphql-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      const source = readFileSync(generated, 'utf8');
      const pattern =
        /export const (\w+) = \{(?:"__meta__":\{"hash":"[\w:]+"\},)?"kind":"Document","definitions":\[\{"kind":"\w+",(?:"operation":"\w+",)?"name":\{"kind":"Name","value":"(\w+)"\}/g;
      exportsByName = new Map([...source.matchAll(pattern)].map((m) => [m[2] ?? '', m[1] ?? '']));
    },
    transform(code, id) {
      if (!/\/src\/(?!gql\/)[^?]*\.tsx?$/.test(id) || !code.includes('graphql(`')) return null;
      const used = new Set<string>();
      const rewritten = code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (_call, body: string) => {
        const name = /\b(?:query|mutation|subscription|fragment)\s+(\w+)/.exec(body)?.[1] ?? '';
        const exported = exportsByName.get(name);
        if (!exported) this.error(`No generated document for "${name}"; run codegen.`);
        used.add(exported);
        return exported;
      });
      const imports = `import { ${[...used].join(', ')} } from ${JSON.stringify(generated)};\n`;
      return { code: imports + rewritten, map: null };
    },
  };
}

/** Codegen's manifest of the app's documents, beside index.html, for the server to load. */
function trustedDocuments(): Plugin {
  const manifest = fileURLToPath(new URL('./src/gql/persisted-documents.json', import.meta.url));
  return {
    name: 'jin:trusted-documents',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: TRUSTED_DOCUMENTS_FILE,
        source: readFileSync(manifest, 'utf8'),
      });
    },
  };
}

/**
 * Pages arrive rendered, so the first paint does not wait for the app's code: its script and
 * module preloads ask for low priority, leaving the bandwidth to the document and the styles.
 */
function scriptsAfterContent(): Plugin {
  return {
    name: 'jin:scripts-after-content',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          /<(script type="module"|link rel="modulepreload")(?![^>]*fetchpriority)/g,
          '<$1 fetchpriority="low"',
        ),
    },
  };
}

/**
 * Marks every chunk for eager compilation (V8's `allFunctionsCalledOnLoad` compile hint): the
 * app runs most of its code at start-up, and compiling it while the file streams in, off the
 * main thread, is cheaper than compiling each function lazily on first call, on the main thread.
 */
function compileHints(): Plugin {
  return {
    name: 'jin:compile-hints',
    apply: 'build',
    generateBundle: {
      // Last, after minification and Vite's own additions to the start of each chunk.
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk') chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        }
      },
    },
  };
}

/**
 * Each large library in a chunk of its own, so that boot.ts can have them evaluated one task at a
 * time (see there): evaluated together, as one chunk, they held the main thread for one long task.
 */
const LIBRARY_CHUNKS = [
  {
    // What the entry itself runs before the page is painted (boot.ts): kept apart from the app's
    // shared modules, which import the libraries, so that importing it evaluates none of them.
    name: 'boot',
    test: /([\\/]src[\\/](lib[\\/]yield-to-browser|app[\\/]page-data)\.ts$|vite[\\/]preload-helper)/,
    priority: 5,
  },
  { name: 'react-dom', test: /node_modules[\\/](react-dom|scheduler)[\\/]/, priority: 4 },
  { name: 'react', test: /node_modules[\\/]react[\\/]/, priority: 3 },
  {
    name: 'router',
    test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/,
    priority: 2,
  },
  {
    name: 'apollo',
    // graphql's lexer only serves the API guide's compact documents (stripIgnoredCharacters):
    // left out, it stays with the guide's page instead of weighing on every page.
    test: /node_modules[\\/](@apollo|graphql(?![\\/](utilities[\\/]stripIgnoredCharacters|language[\\/]lexer))|rxjs|optimism|@wry|tslib|ts-invariant)[\\/]/,
    priority: 1,
  },
  {
    // The app's own small shared modules in one chunk rather than dozens (each chunk costs its
    // own imports and headers); left out are those only the table, chart and article pages use,
    // which stay with them.
    name: 'shared',
    test: /[\\/]src[\\/](lib|components)[\\/](?!charts[\\/]|structured-data|article-table|paged-article-table|pagination|page-number)/,
    minShareCount: 2,
    priority: 0,
  },
];

/**
 * The service worker (sw/sw.ts, served at /sw.js) with the list of built files to precache, and
 * the web app manifest. The app registers the worker itself, once the page is interactive
 * (features/offline/register-worker.ts).
 */
function offline() {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'sw',
    filename: 'sw.ts',
    injectRegister: false,
    // No development worker: caching would get in the way of the dev server's reloads.
    devOptions: { enabled: false },
    injectManifest: {
      // The shell, every built file and the icons; not robots.txt.
      globPatterns: ['index.html', 'assets/**/*.{js,css}', 'favicon.svg', 'icons/*.png'],
      // The manifest the server reads to name each page's modules is not for browsers.
      globIgnores: ['.vite/**'],
    },
    manifest: {
      id: '/',
      // SITE_NAME in src/lib/site.ts, which this config cannot import (it imports a workspace
      // package, which Node cannot load as TypeScript).
      name: 'Japan Immigration News',
      short_name: 'JI News',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      // The site's light palette (styles/base.css): --bg.
      theme_color: '#fbfaf7',
      background_color: '#fbfaf7',
      icons: [
        { src: '/icons/pwa-192x192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/pwa-512x512.png', sizes: '512x512', type: 'image/png' },
        {
          src: '/icons/maskable-icon-512x512.png',
          sizes: '512x512',
          type: 'image/png',
          purpose: 'maskable',
        },
      ],
    },
  });
}

// react-router's package exports only name its development build; use the production one in builds.
const reactRouterProduction = fileURLToPath(
  new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
);

export default defineConfig(({ command, isSsrBuild }) => ({
  plugins: [
    graphqlDocuments(),
    react(),
    scriptsAfterContent(),
    ...(isSsrBuild ? [] : [compileHints(), trustedDocuments(), offline()]),
  ],
  resolve: command === 'build' ? { alias: { 'react-router': reactRouterProduction } } : {},
  // The server build carries its dependencies, tree-shaken: loading them module by module from
  // node_modules made the API's start a second slower.
  ...(isSsrBuild
    ? {
        ssr: { noExternal: true },
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      }
    : {}),
  server: { proxy },
  preview: { proxy },
  build: {
    // The server build (entry-server.tsx, for rendering pages on the server) needs no manifest
    // or public files: the browser build's index.html and assets are what pages link to.
    manifest: !isSsrBuild,
    copyPublicDir: !isSsrBuild,
    rollupOptions: {
      // One CommonJS file (entry-server.cjs) that the API compiles itself, without its TypeScript
      // loader, which rewrote the bundle on import (70 MB and half a second at start).
      output: isSsrBuild
        ? { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false }
        : { codeSplitting: { groups: LIBRARY_CHUNKS } },
    },
    target: 'es2022',
  },
}));
