import {
  type GraphQLOutputType,
  type GraphQLSchema,
  isInterfaceType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/index.ts';

/** Every output field that may be null, as `Type.field`. */
function nullableFields(of: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of Object.values(of.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isNonNullType(field.type as GraphQLOutputType)) found.push(`${type.name}.${field.name}`);
    }
  }
  return found.sort();
}

describe('nullability', () => {
  it('lets only the fields that can lack a value be null (see CHANGELOG.md)', () => {
    expect(nullableFields(schema)).toEqual(
      [
        // Absent in the data.
        'Article.readVia',
        'Article.sourceUrl',
        'ArticleEdge.snippet',
        'ArticleHit.snippet',
        'Media.homepage',
        'PageInfo.endCursor',
        'PageInfo.startCursor',
        'SeriesSources.official',
        // Not there to compute: a series with one figure has no change; a previous figure of 0.
        'Series.change',
        'SeriesChange.percent',
        // Refused before they ran: no token, a token without the scope, the store busy.
        'Mutation.createArticle',
        'Mutation.deleteArticle',
        'Mutation.updateArticle',
        'Mutation.updateMedia',
        'Mutation.upsertTag',
        // Lookups of what may not exist.
        'Query.article',
        'Query.media',
        'Query.node',
        'Query.ruleChange',
        'Query.series',
        'Query.story',
        'Query.tag',
      ].sort(),
    );
  });
});
