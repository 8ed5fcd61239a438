import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

const config: CodegenConfig = {
  schema: '../../packages/schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**', '!src/**/*.test.{ts,tsx}', '!src/test/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: { unmaskFunctionName: 'getFragmentData' },
        // persisted-documents.json: each document by the sha256 of its text, the id the app
        // sends instead of the document (the server knows them from the same file).
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
      // The documents as Apollo Client sends them (it asks for __typename everywhere), so the
      // server runs, by id, exactly what the cache expects.
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        dedupeOperationSuffix: true,
        scalars: { Date: 'string', DateTime: 'string' },
      },
    },
    // Which types each union and interface can be, for Apollo's cache (possibleTypes).
    'src/gql/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3, useExplicitTyping: true },
    },
  },
};

export default config;
