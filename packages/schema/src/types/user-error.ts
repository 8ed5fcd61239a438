// The errors a mutation answers with as data, so a client can show them to the editor: the
// UserError interface and its types, and the result union each mutation declares with them.

import { type FieldIssue, InvalidInputError, NotFoundError } from '@jin/store';
import { builder } from '../builder.ts';

const FieldErrorRef = builder.objectRef<FieldIssue>('FieldError').implement({
  description: 'What is wrong with one input field.',
  fields: (t) => ({
    field: t.exposeString('field', {
      description: 'The field’s path in the input, e.g. `tags.1`.',
    }),
    message: t.exposeString('message', { description: 'What is wrong and what is allowed.' }),
  }),
});

const UserErrorRef = builder.interfaceRef<Error>('UserError').implement({
  description: 'An expected failure the client can show to the editor.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'What went wrong.' }) }),
});

builder.objectType(InvalidInputError, {
  name: 'InvalidInputError',
  description: 'The input was invalid; nothing was written.',
  interfaces: [UserErrorRef],
  fields: (t) => ({
    fields: t.field({
      type: [FieldErrorRef],
      description: 'Every invalid field with its problem.',
      resolve: (error) => error.issues,
    }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The record to change does not exist; nothing was written.',
  interfaces: [UserErrorRef],
});

/**
 * The `errors` option of a mutation (the errors plugin): the store's InvalidInputError and
 * NotFoundError are returned as members of the `<Name>Result` union, beside the payload.
 */
export const userErrors = (name: string) => ({
  types: [InvalidInputError, NotFoundError],
  directResult: true as const,
  union: { name: `${name}Result`, description: `The outcome of ${name}: its payload or an error.` },
});
