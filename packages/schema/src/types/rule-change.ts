// The RuleChange type: a change to the rules, with its stages (proposed, decided, enacted, in
// force, withdrawn) and the articles that report each; the `ruleChanges` timeline, ordered by the
// date each change takes effect; and the changes an article reports.

import { todayInJapan } from '@jin/site';
import {
  MAX_FILTER_TAGS,
  MAX_PAGE_SIZE,
  type RuleChange,
  type RuleChangeFilter,
  type RuleChangeStage,
  STAGES,
  STATUSES,
  type Stage,
} from '@jin/store';
import type { PageInfoShape } from '@pothos/plugin-relay';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { decodeRuleChangeCursor, encodeRuleChangeCursor } from '../ids.ts';
import { pageInfo, pageSizes } from './connection.ts';
import { PartialDateRef } from './dates.ts';
import { ArticleRef, RuleChangeRef, TagRef } from './refs.ts';

const STAGE_DESCRIPTIONS: Record<Stage, string> = {
  proposed: 'Drafted or proposed: by a ministry, a panel, a party or the government.',
  'cabinet-decided':
    'Approved by the cabinet or the ministers concerned (a bill, an ordinance, a policy).',
  enacted: 'Passed by the Diet.',
  'in-force': 'In effect, or expected to take effect on its date.',
  withdrawn: 'Dropped before it took effect.',
};

export const RuleChangeStageEnum = builder.enumType('RuleChangeStage', {
  description: 'Where a rule change stands.',
  values: Object.fromEntries(
    STAGES.map((stage) => [
      stage.toUpperCase().replace(/-/g, '_'),
      { value: stage, description: STAGE_DESCRIPTIONS[stage] },
    ]),
  ) as Record<string, { value: Stage; description: string }>,
});

type Status = (typeof STATUSES)[number];
const STATUS_BY_SLUG = new Map<string, Status>(STATUSES.map((s) => [s.slug, s]));

export const ResidenceStatusRef = builder.objectRef<Status>('ResidenceStatus').implement({
  description: 'A status of residence that a rule change names where it affects it precisely.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name.' }),
    name: t.exposeString('name', { description: 'The status’s name.' }),
  }),
});

const StageRecordRef = builder.objectRef<RuleChangeStage>('RuleChangeStageRecord').implement({
  description: 'One stage of a rule change: what happened, when, and which articles report it.',
  fields: (t) => ({
    stage: t.expose('stage', { type: RuleChangeStageEnum, description: 'The stage reached.' }),
    date: t.expose('date', {
      type: PartialDateRef,
      description: 'When, as precisely as it was reported (an expected date for future stages).',
    }),
    articles: t.field({
      type: [ArticleRef],
      description: 'The archive’s articles that report this stage.',
      complexity: { field: 1, multiplier: 5 },
      // Ids are loaded in one batch per request by the Article loader.
      resolve: (stage) => stage.articleIds.map(String),
    }),
  }),
});

RuleChangeRef.implement({
  description:
    'A change to the rules on immigration or foreign residents, with its history from proposal to force.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name.' }),
    statement: t.exposeString('statement', {
      description: 'What changes, in one or two sentences written for this site.',
    }),
    stage: t.expose('stage', {
      type: RuleChangeStageEnum,
      description: 'Where it stands now: its latest stage.',
    }),
    effective: t.expose('effective', {
      type: PartialDateRef,
      description:
        'When it takes (or took, or is expected to take) effect: the in-force stage’s date, or the latest stage’s when it has none.',
    }),
    upcoming: t.boolean({
      description: 'True while its effective date has not yet passed (by Japan’s calendar).',
      resolve: (change) => change.effective.end >= todayInJapan(),
    }),
    tags: t.field({
      type: [TagRef],
      description: 'The topics it concerns.',
      complexity: { field: 1, multiplier: 3 },
      resolve: (change) => change.tags,
    }),
    statuses: t.field({
      type: [ResidenceStatusRef],
      description: 'The statuses of residence it affects, where that is precise.',
      complexity: { field: 0, multiplier: 1 },
      resolve: (change) =>
        change.statuses
          .map((slug) => STATUS_BY_SLUG.get(slug))
          .filter((s): s is Status => s !== undefined),
    }),
    history: t.field({
      type: [StageRecordRef],
      description: 'Every stage so far, oldest first; expected stages carry their announced date.',
      complexity: { field: 0, multiplier: 5 },
      resolve: (change) => change.history,
    }),
    articles: t.field({
      type: [ArticleRef],
      description: 'Every article that reports any of its stages, in the order of the stages.',
      complexity: { field: 1, multiplier: 10 },
      resolve: (change) => [...new Set(change.history.flatMap((s) => s.articleIds))].map(String),
    }),
  }),
});

const RuleChangeFilterInput = builder.inputType('RuleChangeFilter', {
  description: 'Conditions on rule changes; all given conditions must hold.',
  fields: (t) => ({
    from: t.field({
      type: 'Date',
      description: 'Only changes whose effective date can fall on or after this day.',
    }),
    to: t.field({
      type: 'Date',
      description: 'Only changes whose effective date can fall on or before this day.',
    }),
    tags: t.stringList({
      description: `Any of these tag slugs (at most ${MAX_FILTER_TAGS}).`,
      validate: z.array(z.string().max(120)).max(MAX_FILTER_TAGS),
    }),
    statuses: t.stringList({
      description: 'Any of these status-of-residence slugs (see `residenceStatuses`).',
      validate: z.array(z.string().max(120)).max(STATUSES.length),
    }),
    stages: t.field({
      type: [RuleChangeStageEnum],
      description: 'Only changes whose current stage is one of these.',
    }),
  }),
});

interface RuleChangeConnectionShape {
  edges: { cursor: string; node: RuleChange }[];
  pageInfo: PageInfoShape;
  totalCount: () => Promise<number>;
}

const RuleChangeConnection = builder.connectionObject<
  typeof RuleChangeRef,
  RuleChangeConnectionShape
>(
  {
    type: RuleChangeRef,
    name: 'RuleChangeConnection',
    description: 'A page of the timeline with cursors for moving forward and backward.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many rule changes the whole list holds, across all pages.',
        resolve: (parent) => parent.totalCount(),
      }),
    }),
  },
  { name: 'RuleChangeEdge', description: 'A rule change in the timeline, with its cursor.' },
);

builder.queryFields((t) => ({
  ruleChanges: t.connection(
    {
      type: RuleChangeRef,
      description:
        'The timeline: rule changes ordered by the date they take effect (earliest first), optionally filtered. Use `filter.from` with today’s date for what is coming.',
      args: {
        filter: t.arg({ type: RuleChangeFilterInput, description: 'Conditions to filter by.' }),
      },
      complexity: (args) => ({
        field: 2,
        multiplier: Math.min(args.first ?? args.last ?? 20, MAX_PAGE_SIZE),
      }),
      resolve: async (_root, args, ctx) => {
        const filter: RuleChangeFilter = {
          from: args.filter?.from ?? undefined,
          to: args.filter?.to ?? undefined,
          tags: args.filter?.tags ?? undefined,
          statuses: args.filter?.statuses ?? undefined,
          stages: args.filter?.stages ?? undefined,
        };
        const slice = await ctx.store.listRuleChanges({
          filter,
          ...pageSizes(args),
          after: args.after ? decodeRuleChangeCursor(args.after, 'after') : undefined,
          before: args.before ? decodeRuleChangeCursor(args.before, 'before') : undefined,
        });
        const edges = slice.items.map((node) => ({
          cursor: encodeRuleChangeCursor({ start: node.effective.start, id: node.id }),
          node,
        }));
        return {
          edges,
          pageInfo: pageInfo(edges, slice),
          totalCount: async () => slice.totalCount,
        };
      },
    },
    RuleChangeConnection,
  ),
  ruleChange: t.field({
    type: RuleChangeRef,
    nullable: true,
    description: 'One rule change by slug; null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The rule change’s slug.' }) },
    resolve: (_root, args) => args.slug.slice(0, 200),
  }),
  residenceStatuses: t.field({
    type: [ResidenceStatusRef],
    description: 'The statuses of residence rule changes can name.',
    resolve: () => [...STATUSES],
  }),
}));

builder.objectField(ArticleRef, 'ruleChanges', (t) =>
  t.loadableList({
    type: RuleChangeRef,
    description: 'The rule changes this article reports, in the order they take effect.',
    complexity: { field: 1, multiplier: 5 },
    load: (ids: number[], ctx) => ctx.store.ruleChangesForArticles(ids),
    resolve: (article) => article.id,
  }),
);
