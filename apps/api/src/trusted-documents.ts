// The reader app's documents, known by id: its build writes them beside index.html
// (TRUSTED_DOCUMENTS_FILE, from codegen's persisted-documents manifest). They are parsed and
// validated once, at start, and handed to Apollo Server as the persisted-query cache (the text by
// id) and the document store (the validated document by the hash of its text), so a request that
// names one by id is neither parsed nor validated again. Any other document still runs, with the
// same limits: the API stays open to developers.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TRUSTED_DOCUMENTS_FILE, type TrustedDocuments } from '@jin/site';
import {
  type DocumentNode,
  type GraphQLSchema,
  parse,
  specifiedRules,
  type ValidationRule,
  validate,
} from 'graphql';
import { LRUCache } from 'lru-cache';

const ID_PREFIX = 'sha256:';

export interface KnownDocuments {
  /** Each document's text by its id (the sha256 of the text, in hex). */
  texts: ReadonlyMap<string, string>;
  /** The same documents, parsed and validated. */
  documents: ReadonlyMap<string, DocumentNode>;
  /** Entries of the manifest that failed to parse or validate, with why. */
  refused: { id: string; reason: string }[];
}

export const NO_DOCUMENTS: KnownDocuments = { texts: new Map(), documents: new Map(), refused: [] };

/** The manifest in the reader app's build folder; no documents when there is none. */
export function loadKnownDocuments(
  webDist: string,
  schema: GraphQLSchema,
  options: { rules: readonly ValidationRule[]; maxTokens: number },
): KnownDocuments {
  const path = join(webDist, TRUSTED_DOCUMENTS_FILE);
  if (!existsSync(path)) return NO_DOCUMENTS;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as TrustedDocuments;
  const texts = new Map<string, string>();
  const documents = new Map<string, DocumentNode>();
  const refused: KnownDocuments['refused'] = [];
  for (const [key, text] of Object.entries(manifest)) {
    const id = key.startsWith(ID_PREFIX) ? key.slice(ID_PREFIX.length) : key;
    try {
      const document = parse(text, { maxTokens: options.maxTokens });
      const errors = validate(schema, document, [...specifiedRules, ...options.rules]);
      if (errors.length > 0) throw new Error(errors.map((e) => e.message).join(' '));
      texts.set(id, text);
      documents.set(id, document);
    } catch (error) {
      refused.push({ id, reason: (error as Error).message });
    }
  }
  return { texts, documents, refused };
}

/** The cache shape Apollo Server reads and writes (its KeyValueCache). */
interface KeyValueCache<V> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V): Promise<void>;
  delete(key: string): Promise<boolean | undefined>;
}

/** The part of a cache key after its last `:` (Apollo prefixes its keys). */
const idOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);

/**
 * A cache that answers the known entries first and keeps up to `max` others (documents sent with
 * their hash by other clients, Apollo's automatic persisted queries).
 */
function withKnown<V extends object | string>(
  known: ReadonlyMap<string, V>,
  max: number,
): KeyValueCache<V> {
  const others = new LRUCache<string, V>({ max });
  return {
    async get(key) {
      return known.get(idOf(key)) ?? others.get(key);
    },
    async set(key, value) {
      if (!known.has(idOf(key))) others.set(key, value);
    },
    async delete(key) {
      return others.delete(key);
    },
  };
}

/** Apollo Server's persisted-query cache: the text of a document by its id. */
export const persistedQueryCache = (known: KnownDocuments, max = 1000) =>
  withKnown(known.texts, max);

/** Apollo Server's store of parsed and validated documents, by the hash of their text. */
export const documentStore = (known: KnownDocuments, max = 1000) => withKnown(known.documents, max);

/** The id a GET request names its document by (`extensions.persistedQuery`), if any. */
export function persistedId(extensions: string | undefined): string | undefined {
  if (!extensions) return undefined;
  try {
    const hash = JSON.parse(extensions)?.persistedQuery?.sha256Hash;
    return typeof hash === 'string' ? hash : undefined;
  } catch {
    return undefined;
  }
}
