// The seam between the API and the reader app's server build (apps/web/src/entry-server.tsx):
// declared once here, implemented by the app (checked with `satisfies`), called by the API.

import type { DocumentNode, FormattedExecutionResult } from 'graphql';

/** Runs one operation against the schema, as the API would answer it. */
export type Execute = (operation: {
  query: DocumentNode;
  variables: Record<string, unknown>;
  operationName: string | undefined;
}) => Promise<FormattedExecutionResult>;

/** The browser build's manifest (dist/.vite/manifest.json), as far as it is used. */
export type BuildManifest = Record<string, { file: string; imports?: string[]; css?: string[] }>;

export type RenderedPage =
  | { kind: 'page'; status: number; html: string }
  | { kind: 'redirect'; status: number; location: string }
  /** The page cannot be rendered here (its data failed to load): send the app shell. */
  | { kind: 'shell'; reason: string };

export interface RenderPageOptions {
  url: string;
  /** The browser build's index.html, which the page fills. */
  template: string;
  execute: Execute;
  /** The site's public origin (`https://host`, no trailing slash): canonical and preview addresses. */
  publicUrl: string;
  /** When given, the page names its own modules for the browser to fetch early. */
  manifest?: BuildManifest;
}

/** What the server build exports, as far as the API uses it. */
export interface ServerEntry {
  renderPage(options: RenderPageOptions): Promise<RenderedPage>;
}

/**
 * The reader app's documents by id (`sha256:<hex of the text>`), written by its browser build next
 * to index.html: the app sends an id instead of a document, and the server knows each by it.
 */
export const TRUSTED_DOCUMENTS_FILE = 'persisted-documents.json';
export type TrustedDocuments = Record<string, string>;
