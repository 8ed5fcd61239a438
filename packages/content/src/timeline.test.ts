import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePartialDate } from '@jin/store';
import { openSqliteStore } from '@jin/store/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveError, loadArchive, seedStore } from './archive.ts';
import { loadTimeline } from './timeline.ts';

const archive = loadArchive();
const timeline = loadTimeline();
const articles = new Map(archive.articles.map((a) => [a.slug, a]));
const tags = new Set(archive.tags.map((t) => t.slug));

describe('the timeline files', () => {
  it('hold at least 30 rule changes and 12 story threads', () => {
    expect(timeline.ruleChanges.length).toBeGreaterThanOrEqual(30);
    expect(timeline.stories.length).toBeGreaterThanOrEqual(12);
  });

  it('name only articles of the archive and tags of the vocabulary', () => {
    const problems: string[] = [];
    for (const change of timeline.ruleChanges) {
      for (const tag of change.tags) if (!tags.has(tag)) problems.push(`${change.slug}: ${tag}`);
      for (const stage of change.stages) {
        for (const slug of stage.articles) {
          if (!articles.has(slug)) problems.push(`${change.slug}: ${slug}`);
        }
      }
    }
    for (const story of timeline.stories) {
      for (const slug of story.articles) {
        if (!articles.has(slug)) problems.push(`${story.slug}: ${slug}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('back each stage with an article released no later than the stage it reports', () => {
    // An article can announce a later date ("takes effect in April"), but it cannot report a
    // decision taken after it was published: a proposal, cabinet decision, enactment or
    // withdrawal is reported on or after its own date (a month or year counts from its start).
    const problems: string[] = [];
    for (const change of timeline.ruleChanges) {
      for (const stage of change.stages) {
        if (stage.stage === 'in-force') continue;
        const date = parsePartialDate(stage.date);
        const earliest = stage.articles
          .map((slug) => articles.get(slug)?.releasedOn ?? '')
          .sort()[0];
        if (date && earliest && earliest < date.start) {
          problems.push(`${change.slug}: ${stage.stage} ${stage.date} reported on ${earliest}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('list each story oldest first, with no article twice', () => {
    for (const story of timeline.stories) {
      const dates = story.articles.map((slug) => articles.get(slug)?.releasedOn ?? '');
      expect(dates, story.slug).toEqual([...dates].sort());
    }
  });

  it('state each rule change in words of its own', () => {
    const statements = timeline.ruleChanges.map((c) => c.statement.trim());
    expect(new Set(statements).size).toBe(statements.length);
    for (const statement of statements) {
      expect(statement).not.toMatch(/TODO|should be checked|\[citation/i);
    }
  });

  it('load into a store with every article linked', async () => {
    const store = openSqliteStore();
    await seedStore(store, archive);
    await store.replaceTimeline(timeline);
    const listed = await store.listRuleChanges({ first: 100 });
    expect(listed.totalCount).toBe(timeline.ruleChanges.length);
    const cited = new Set(timeline.ruleChanges.flatMap((c) => c.stages.flatMap((s) => s.articles)));
    const ids = new Set(listed.items.flatMap((c) => c.history.flatMap((s) => s.articleIds)));
    expect(ids.size).toBe(cited.size);
    await store.close();
  });
});

describe('loadTimeline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jin-timeline-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the file and field of every problem', () => {
    mkdirSync(join(dir, 'rule-changes'), { recursive: true });
    mkdirSync(join(dir, 'stories'), { recursive: true });
    writeFileSync(
      join(dir, 'rule-changes', 'bad-date.yaml'),
      'statement: A rule that changes what visa applicants must show to the office.\ntags: [visa-rules]\nstages:\n  - stage: in-force\n    date: 2024-02-30\n    articles: [a]\n',
    );
    writeFileSync(
      join(dir, 'rule-changes', 'bad-stage.yaml'),
      'statement: x\ntags: [visa-rules]\nstages:\n  - stage: rumoured\n    date: 2024\n    articles: [a]\n',
    );
    writeFileSync(join(dir, 'stories', 'short.yaml'), 'title: T\nsummary: S\narticles: [a]\n');
    writeFileSync(
      join(dir, 'stories', 'extra.yaml'),
      'title: T\nsummary: S\narticles: [a, b]\nnote: n\n',
    );
    const error = (() => {
      try {
        loadTimeline(dir);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ArchiveError);
    const problems = (error as ArchiveError).problems.map((p) => `${p.file}: ${p.field}`);
    expect(problems).toContain('rule-changes/bad-stage.yaml: stages.0.stage');
    expect(problems).toContain('stories/extra.yaml: (file)');
    rmSync(join(dir, 'rule-changes', 'bad-stage.yaml'));
    rmSync(join(dir, 'stories', 'extra.yaml'));
    const second = (() => {
      try {
        loadTimeline(dir);
      } catch (e) {
        return e as ArchiveError;
      }
    })();
    expect(second?.problems.map((p) => `${p.file}: ${p.field}`)).toEqual([
      'rule-changes/bad-date.yaml: stages.0.date',
      'stories/short.yaml: articles',
    ]);
  });
});
