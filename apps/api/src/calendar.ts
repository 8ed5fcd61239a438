// The timeline as an iCalendar file, for the whole timeline and for each tag: one all-day event
// per stage of each rule change, on the stage's day (or the first day of its month, fiscal year
// or year, which the title names). UIDs are made of the rule change's slug and its stage, so a
// subscriber's calendar updates an event whose date or wording changes instead of adding one.

import {
  type Article,
  type PartialDate,
  partialDateLabel,
  type RuleChange,
  type RuleChangeStage,
  STAGE_LABELS,
  type Stage,
  type Store,
} from '@jin/store';
import icalGenerator, { ICalCalendarMethod } from 'ical-generator';

export const CALENDAR_TYPE = 'text/calendar; charset=utf-8';
const UID_DOMAIN = 'japan-immigration-news';
/** Every rule change fits: the timeline is curated, tens of records, not thousands. */
const MAX_CHANGES = 1000;

export interface CalendarRequest {
  tag?: string | undefined;
}

/** All the rule changes of the timeline (or of one tag), oldest first. */
export async function timelineChanges(store: Store, tag?: string): Promise<RuleChange[]> {
  const changes: RuleChange[] = [];
  let after: { start: string; id: number } | undefined;
  while (changes.length < MAX_CHANGES) {
    const slice = await store.listRuleChanges({
      filter: tag ? { tags: [tag] } : {},
      first: 100,
      after,
    });
    changes.push(...slice.items);
    const last = slice.items.at(-1);
    if (!slice.hasNextPage || !last) break;
    after = { start: last.effective.start, id: last.id };
  }
  return changes;
}

/** The articles behind each stage of these changes, read in one batch. */
export async function stageArticles(
  store: Store,
  changes: readonly RuleChange[],
): Promise<(stage: RuleChangeStage) => Article[]> {
  const ids = [...new Set(changes.flatMap((c) => c.history.flatMap((s) => s.articleIds)))];
  const articles = new Map(
    (await store.getArticlesByIds(ids))
      .filter((a): a is Article => a !== null)
      .map((a) => [a.id, a]),
  );
  return (stage) =>
    stage.articleIds.map((id) => articles.get(id)).filter((a): a is Article => a !== undefined);
}

function eventTitle(change: RuleChange, stage: Stage, date: PartialDate): string {
  const when = date.precision === 'day' ? '' : ` (${partialDateLabel(date)})`;
  const first = change.statement.split(/(?<=\.)\s/)[0] ?? change.statement;
  return `${STAGE_LABELS[stage]}${when}: ${first}`;
}

/** Returns the calendar, or null when the tag does not exist. */
export async function renderCalendar(
  store: Store,
  publicUrl: string,
  request: CalendarRequest,
): Promise<string | null> {
  let name = 'Japan Immigration News: what changes when';
  if (request.tag) {
    const [tag] = await store.getTagsBySlugs([request.tag]);
    if (!tag) return null;
    name = `${tag.item.name}: what changes when (Japan Immigration News)`;
  }
  const changes = await timelineChanges(store, request.tag);
  const articlesOf = await stageArticles(store, changes);
  const calendar = icalGenerator({
    name,
    prodId: { company: 'Japan Immigration News', product: 'Timeline', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    url: `${publicUrl}/timeline`,
  });
  for (const change of changes) {
    const seen = new Map<Stage, number>();
    for (const stage of change.history) {
      const n = (seen.get(stage.stage) ?? 0) + 1;
      seen.set(stage.stage, n);
      const reported = articlesOf(stage);
      const lines = [
        change.statement,
        '',
        `Stage: ${STAGE_LABELS[stage.stage]}, ${partialDateLabel(stage.date)}.`,
        '',
        'Reported in:',
        ...reported.map(
          (a) => `- ${a.title} (${a.media.name}, ${a.releasedOn}): ${publicUrl}/articles/${a.slug}`,
        ),
      ];
      const [year, month, day] = stage.date.start.split('-').map(Number) as [
        number,
        number,
        number,
      ];
      calendar.createEvent({
        id: `${change.slug}.${stage.stage}${n > 1 ? `.${n}` : ''}@${UID_DOMAIN}`,
        allDay: true,
        start: new Date(Date.UTC(year, month - 1, day)),
        summary: eventTitle(change, stage.stage, stage.date),
        description: lines.join('\n'),
        url: `${publicUrl}/timeline#${change.slug}`,
        categories: change.tags.map((slug) => ({ name: slug })),
        timezone: null,
      });
    }
  }
  return calendar.toString();
}
