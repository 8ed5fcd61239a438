import { rmSync } from 'node:fs';
import { loadArchive, seedStore } from '@jin/content';
import { loadTimeline, seedTimeline } from '@jin/content/timeline';
import { openSqliteStore, type SqliteStore } from '@jin/store/sqlite';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { buildServer } from '../src/server.ts';
import { listenOnLoopback, shellOnlyConfig, webDistFixture } from './processes.ts';

const archive = loadArchive();
const timeline = loadTimeline();
const dist = webDistFixture();
const PUBLIC = 'https://news.example.org';

let store: SqliteStore;
let app: FastifyInstance;
let url: string;

beforeAll(async () => {
  store = openSqliteStore();
  await seedStore(store, archive);
  await seedTimeline(store, timeline);
  const config = shellOnlyConfig(dist, { JIN_PUBLIC_URL: PUBLIC });
  app = await buildServer(config, store, { logger: false });
  url = await listenOnLoopback(app);
});

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dist, { recursive: true, force: true });
});

interface Event {
  uid: string;
  start: string;
  allDay: boolean;
  summary: string;
  description: string;
  url: string;
}

/** The events of a calendar, read by a real iCalendar parser. */
function events(text: string): Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
      summary: event.summary,
      description: event.description,
      url: String(component.getFirstPropertyValue('url') ?? ''),
    };
  });
}

const stages = (keep: (tags: string[]) => boolean) =>
  timeline.ruleChanges.filter((c) => keep(c.tags)).flatMap((c) => c.stages.map((s) => ({ c, s })));

describe('the calendar', () => {
  it('holds one all-day event per stage of every rule change, on its first day', async () => {
    const response = await fetch(`${url}/calendar.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const list = events(await response.text());
    const want = stages(() => true);
    expect(list).toHaveLength(want.length);
    expect(new Set(list.map((e) => e.uid)).size).toBe(list.length);
    for (const event of list) expect(event.allDay).toBe(true);
    const business = timeline.ruleChanges.find(
      (c) => c.slug === 'business-manager-requirements-tightened',
    );
    const inForce = list.find(
      (e) => e.uid === 'business-manager-requirements-tightened.in-force@japan-immigration-news',
    );
    expect(inForce?.start).toBe(business?.stages.at(-1)?.date);
    expect(inForce?.summary).toMatch(/^In force: /);
    expect(inForce?.url).toBe(`${PUBLIC}/timeline#business-manager-requirements-tightened`);
    for (const slug of business?.stages.at(-1)?.articles ?? []) {
      expect(inForce?.description).toContain(`${PUBLIC}/articles/${slug}`);
    }
    // A fiscal year is placed on its first day and named in the title.
    const fiscal = list.find((e) => / \(fiscal \d{4} /.test(e.summary));
    expect(fiscal?.start).toMatch(/-04-01$/);
  });

  it('keeps every UID when a statement or a date changes, so subscribers get no duplicates', async () => {
    const before = events(await (await fetch(`${url}/calendar.ics`)).text());
    const moved = structuredClone(timeline);
    const first = moved.ruleChanges[0];
    if (!first) throw new Error('no rule changes');
    first.statement = `${first.statement} Reworded for the test.`;
    const lastStage = first.stages.at(-1);
    if (lastStage) lastStage.date = '2030-01-01';
    const other = openSqliteStore();
    await seedStore(other, archive);
    await seedTimeline(other, moved);
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' });
    const second = await buildServer(config, other, { logger: false });
    const after = events((await second.inject({ url: '/calendar.ics' })).body);
    await second.close();
    await other.close();
    expect(after.map((e) => e.uid).sort()).toEqual(before.map((e) => e.uid).sort());
    const uid = `${first.slug}.${lastStage?.stage}@japan-immigration-news`;
    expect(after.find((e) => e.uid === uid)?.start).toBe('2030-01-01');
  });

  it('has a calendar per tag with only that tag’s changes, and 404 for an unknown tag', async () => {
    const list = events(await (await fetch(`${url}/calendar/tags/visa-rules.ics`)).text());
    expect(list).toHaveLength(stages((tags) => tags.includes('visa-rules')).length);
    expect(list.length).toBeGreaterThan(0);
    expect((await fetch(`${url}/calendar/tags/no-such-tag.ics`)).status).toBe(404);
    expect((await fetch(`${url}/calendar/tags/visa-rules.txt`)).status).toBe(404);
  });

  it('answers 304 to the ETag it gave until the data changes', async () => {
    const first = await fetch(`${url}/calendar.ics`);
    const etag = first.headers.get('etag') as string;
    expect(etag).toBeTruthy();
    const again = await fetch(`${url}/calendar.ics`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });
});

describe('the timeline feed', () => {
  it('is well-formed Atom with an entry per stage, newest report first', async () => {
    const response = await fetch(`${url}/feeds/timeline/atom.xml`);
    expect(response.status).toBe(200);
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parseFeed(xml);
    expect(feed.items).toHaveLength(stages(() => true).length);
    const ids = feed.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const updated = feed.items.map((i) => i.updated?.getTime() ?? 0);
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    expect(feed.items[0]?.url).toMatch(new RegExp(`^${PUBLIC}/timeline#[a-z0-9-]+$`));
  });
});
