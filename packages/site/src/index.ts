// What the API and the reader app agree on: the server's own paths, and the contract of the
// reader app's server build.

export { dayBefore, todayInJapan, todayInJapanAt } from './japan-today.ts';
export {
  API_PREFIXES,
  ASSETS_PATH,
  NUMBERS_PATH,
  SERVER_PATHS,
  SHARE_IMAGE_SIZE,
  seriesCsvPath,
  shareImagePaths,
} from './paths.ts';
export type {
  BuildManifest,
  Execute,
  RenderedPage,
  RenderPageOptions,
  ServerEntry,
  TrustedDocuments,
} from './server-entry.ts';
export { TRUSTED_DOCUMENTS_FILE } from './server-entry.ts';
export { SITE_NAME } from './site-name.ts';
