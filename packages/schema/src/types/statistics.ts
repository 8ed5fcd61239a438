// The Series type: an official statistics series (one unit, one or more lines of dated points,
// each point with its sources), its latest figure and change; the `statistics` and `series` root
// fields; the series an article reports a figure of; and a tag's articles per quarter.

import type { QuarterCount, Series, SeriesLine, SeriesNote, SeriesPoint } from '@jin/store';
import { builder } from '../builder.ts';
import { ArticleRef, SeriesRef, TagRef } from './refs.ts';

const SeriesSourcesRef = builder.objectRef<SeriesPoint>('SeriesSources').implement({
  description:
    'Where a figure comes from: the archive’s articles that report it, and the publisher’s page.',
  fields: (t) => ({
    articles: t.field({
      type: [ArticleRef],
      description: 'The archive’s articles that report the figure, newest first.',
      complexity: { field: 1, multiplier: 3 },
      resolve: (point) => point.articleIds.map(String),
    }),
    official: t.string({
      nullable: true,
      description:
        'The publisher’s own page or document for the figure (https); null when only articles report it.',
      resolve: (point) => point.official,
    }),
  }),
});

const SeriesPointRef = builder.objectRef<SeriesPoint>('SeriesPoint').implement({
  description: 'One figure of a series line.',
  fields: (t) => ({
    date: t.expose('date', {
      type: 'Date',
      description: 'The reference date: the last day of the period the figure describes.',
    }),
    period: t.exposeString('period', {
      description: 'The period in the source’s own words (“end of June 2025”).',
    }),
    value: t.exposeFloat('value', { description: 'The figure, in the series’ unit.' }),
    approx: t.exposeBoolean('approx', {
      description: 'True when the source gives only a rounded figure.',
    }),
    sources: t.field({
      type: SeriesSourcesRef,
      description: 'Where the figure comes from.',
      resolve: (point) => point,
    }),
  }),
});

const SeriesLineRef = builder.objectRef<SeriesLine>('SeriesLine').implement({
  description: 'One line of a series: a quantity measured at successive dates.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Names the line within its series.' }),
    label: t.exposeString('label', { description: 'What the line counts.' }),
    points: t.field({
      type: [SeriesPointRef],
      description:
        'Its figures, oldest first. A period with no figure has no point: it is a gap, never an estimate.',
      complexity: { field: 0, multiplier: 20 },
      resolve: (line) => line.points,
    }),
  }),
});

const SeriesNoteRef = builder.objectRef<SeriesNote>('SeriesNote').implement({
  description: 'A break in a series, such as a change in what is counted, from its date on.',
  fields: (t) => ({
    date: t.expose('date', { type: 'Date', description: 'From when the note applies.' }),
    text: t.exposeString('text', { description: 'What changed.' }),
  }),
});

interface SeriesChange {
  previous: SeriesPoint;
  latest: SeriesPoint;
}

const SeriesChangeRef = builder.objectRef<SeriesChange>('SeriesChange').implement({
  description: 'How the first line’s latest figure compares with the one before it.',
  fields: (t) => ({
    previous: t.field({
      type: SeriesPointRef,
      description: 'The figure before the latest.',
      resolve: (change) => change.previous,
    }),
    difference: t.float({
      description: 'Latest minus previous, in the series’ unit.',
      resolve: ({ latest, previous }) => latest.value - previous.value,
    }),
    percent: t.float({
      nullable: true,
      description: 'The difference as a percentage of the previous figure; null when that is 0.',
      resolve: ({ latest, previous }) =>
        previous.value === 0 ? null : ((latest.value - previous.value) / previous.value) * 100,
    }),
  }),
});

/** The first line is the series' headline; every line has at least one point. */
const headline = (series: Series) => series.lines[0]?.points ?? [];

SeriesRef.implement({
  description:
    'An official statistics series: figures from one publisher in one unit, with the sources of every figure.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name.' }),
    title: t.exposeString('title', { description: 'What the series counts.' }),
    description: t.exposeString('description', {
      description: 'What the figures are, in one or two neutral sentences.',
    }),
    unit: t.exposeString('unit', {
      description: 'The unit of every figure, a plural noun (“persons”).',
    }),
    publisher: t.exposeString('publisher', { description: 'Who publishes the figures.' }),
    lines: t.field({
      type: [SeriesLineRef],
      description: 'Its lines; the first is the headline figure.',
      complexity: { field: 0, multiplier: 4 },
      resolve: (series) => series.lines,
    }),
    notes: t.field({
      type: [SeriesNoteRef],
      description: 'Breaks in the series, oldest first.',
      resolve: (series) => series.notes,
    }),
    latest: t.field({
      type: SeriesPointRef,
      description: 'The first line’s newest figure.',
      resolve: (series) => headline(series).at(-1) as SeriesPoint,
    }),
    change: t.field({
      type: SeriesChangeRef,
      nullable: true,
      description:
        'The first line’s latest figure against the one before; null with only one figure.',
      resolve: (series) => {
        const points = headline(series);
        const [previous, latest] = points.slice(-2);
        return points.length >= 2 && previous && latest ? { previous, latest } : null;
      },
    }),
    articles: t.field({
      type: [ArticleRef],
      description: 'Every article in the archive that reports one of its figures, newest first.',
      complexity: { field: 1, multiplier: 10 },
      resolve: (series) => series.articleIds.map(String),
    }),
  }),
});

builder.queryFields((t) => ({
  statistics: t.field({
    type: [SeriesRef],
    description: 'Every statistics series, by title.',
    complexity: { field: 1, multiplier: 10 },
    resolve: (_root, _args, ctx) => ctx.store.listSeries(),
  }),
  series: t.field({
    type: SeriesRef,
    nullable: true,
    description: 'One statistics series by slug; null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The series’ slug.' }) },
    resolve: (_root, args) => args.slug.slice(0, 200),
  }),
}));

builder.objectField(ArticleRef, 'series', (t) =>
  t.loadableList({
    type: SeriesRef,
    description: 'The statistics series this article reports a figure of, by title.',
    complexity: { field: 1, multiplier: 3 },
    load: (ids: number[], ctx) => ctx.store.seriesForArticles(ids),
    resolve: (article) => article.id,
  }),
);

const QuarterCountRef = builder.objectRef<QuarterCount>('QuarterCount').implement({
  description: 'How many articles fall in one quarter of a year.',
  fields: (t) => ({
    quarter: t.exposeString('quarter', { description: 'The quarter, written `2025-Q3`.' }),
    count: t.exposeInt('count', { description: 'How many articles.' }),
  }),
});

builder.objectField(TagRef, 'articlesPerQuarter', (t) =>
  t.field({
    type: [QuarterCountRef],
    description:
      'The tag’s articles counted per quarter of release, oldest first; quarters with none are left out.',
    complexity: { field: 2, multiplier: 4 },
    resolve: (tag, _args, ctx) => ctx.store.articlesPerQuarter(tag.slug),
  }),
);
