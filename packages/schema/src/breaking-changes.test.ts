// The contract check against the real schema: edits of schema.graphql that break clients must be
// recorded in the changelog's unreleased section; others pass. The script is run as `pnpm check`
// runs it, on files written here.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type EnumTypeDefinitionNode,
  type FieldDefinitionNode,
  Kind,
  type ObjectTypeDefinitionNode,
  parse,
  print,
  visit,
} from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import {
  breakingChanges,
  records,
  releaseChangelog,
  UNRELEASED_HEADING,
  unrecordedBreakingChanges,
  unreleasedSection,
} from './breaking-changes.ts';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const published = readFileSync(join(PACKAGE_DIR, 'schema.graphql'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'jin-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** schema.graphql with one type's definition changed (failing loudly if there is no such type). */
function edited(typeName: string, change: (node: any) => object): string {
  let found = false;
  const enter = (node: { name: { value: string } }) => {
    if (node.name.value !== typeName) return undefined;
    found = true;
    return change(node);
  };
  const next = visit(parse(published), {
    ObjectTypeDefinition: enter,
    EnumTypeDefinition: enter,
  });
  if (!found) throw new Error(`no type ${typeName} in schema.graphql`);
  return print(next);
}

const withoutField = (type: string, field: string) =>
  edited(type, (node) => ({
    ...node,
    fields: node.fields.filter((f: FieldDefinitionNode) => f.name.value !== field),
  }));

/** The argument made non-null: a client that leaves it out is now refused. */
const withRequiredArgument = (sdl: string, type: string, field: string, argument: string) => {
  const mark = (f: FieldDefinitionNode) =>
    f.name.value !== field
      ? f
      : {
          ...f,
          arguments: f.arguments?.map((a) =>
            a.name.value === argument && a.type.kind !== Kind.NON_NULL_TYPE
              ? { ...a, type: { kind: Kind.NON_NULL_TYPE, type: a.type } }
              : a,
          ),
        };
  return print(
    visit(parse(sdl), {
      ObjectTypeDefinition: (node) =>
        node.name.value === type ? { ...node, fields: node.fields?.map(mark) } : undefined,
    }),
  );
};

const withoutSummary = withoutField('Article', 'summary');
const requiredFirst = withRequiredArgument(published, 'Query', 'articles', 'first');

const changelog = (unreleased: string) =>
  `# Changes to the public schema\n\n${UNRELEASED_HEADING}\n\n${unreleased}\n## 2026-12-07\n\n- Removed \`Article.summary\` long ago.\n`;

function runCheck(current: string, log: string) {
  const files = ['published.graphql', 'current.graphql', 'CHANGELOG.md'].map((name) =>
    join(dir, name),
  );
  [published, current, log].forEach((text, i) => {
    writeFileSync(files[i] ?? '', text);
  });
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/check-breaking.ts', ...files],
    {
      cwd: PACKAGE_DIR,
      encoding: 'utf8',
    },
  );
  return { status: result.status, stderr: result.stderr };
}

// Each case runs the check as a process of its own, which takes seconds on a busy machine.
describe('breaking changes against the published schema', { timeout: 60_000 }, () => {
  it('finds a removed field and an argument made required, by coordinate', async () => {
    expect(await breakingChanges(published, withoutSummary)).toEqual([
      expect.objectContaining({ coordinate: 'Article.summary' }),
    ]);
    expect(await breakingChanges(published, requiredFirst)).toEqual([
      expect.objectContaining({ coordinate: 'Query.articles(first:)' }),
    ]);
  });

  it('fails the check when the unreleased section does not record them', () => {
    const both = withRequiredArgument(withoutSummary, 'Query', 'articles', 'first');
    // Named only in an older section, and a longer coordinate that merely starts the same.
    const result = runCheck(both, changelog('- Added `Article.summaryBlocks`.\n'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('2 way(s)');
    expect(result.stderr).toMatch(/^ {2}Article\.summary: /m);
    expect(result.stderr).toMatch(/^ {2}Query\.articles\(first:\): /m);
  });

  it('passes when every breaking change is recorded, and lists only those that are not', async () => {
    const log = changelog(
      '- Removed `Article.summary` (deprecated since 2026-12-07): use `Article.summaryBlocks`.\n',
    );
    expect(runCheck(withoutSummary, log).status).toBe(0);
    const both = withRequiredArgument(withoutSummary, 'Query', 'articles', 'first');
    expect(
      (await unrecordedBreakingChanges(published, both, log)).map((c) => c.coordinate),
    ).toEqual(['Query.articles(first:)']);
    const argument = changelog('- `Query.articles(first:)` is required: pass `first`.\n');
    expect(runCheck(requiredFirst, argument).status).toBe(0);
  });

  it('passes dangerous and safe changes without a record', async () => {
    // A new enum value is dangerous (clients switching over every value meet a new one); a new
    // field is safe.
    const withdrawn = parse('enum E { SUSPENDED }').definitions[0] as EnumTypeDefinitionNode;
    const ping = parse('type T { ping: String }').definitions[0] as ObjectTypeDefinitionNode;
    const added = edited('RuleChangeStage', (node) => ({
      ...node,
      values: [...node.values, ...(withdrawn.values ?? [])],
    }));
    const both = print(
      visit(parse(added), {
        ObjectTypeDefinition: (node) =>
          node.name.value === 'Query'
            ? { ...node, fields: [...(node.fields ?? []), ...(ping.fields ?? [])] }
            : undefined,
      }),
    );
    expect(await breakingChanges(published, both)).toEqual([]);
    expect(runCheck(both, changelog('')).status).toBe(0);
    expect(runCheck(published, changelog('')).status).toBe(0);
  });

  it('matches coordinates whole, in either argument form', () => {
    expect(records('- `Article.summary` removed', 'Article.summary')).toBe(true);
    expect(records('- `Article.summaryBlocks` added', 'Article.summary')).toBe(false);
    expect(records('- `Article.summary` removed', 'Article')).toBe(false);
    expect(records('- `Query.articles` removed', 'Query.articles(first:)')).toBe(false);
    expect(records('- `Query.articles.first` required', 'Query.articles(first:)')).toBe(true);
  });
});

describe('publishing', () => {
  it('dates the unreleased section and opens an empty one', () => {
    const log = changelog('- Added `Query.ping`.\n');
    const released = releaseChangelog(log, '2026-12-24');
    expect(unreleasedSection(released).trim()).toBe('');
    expect(released).toContain('## Unreleased\n\n## 2026-12-24\n\n- Added `Query.ping`.\n');
    expect(() => releaseChangelog(released, '2026-12-25')).toThrow(/empty/);
    expect(() => releaseChangelog(log, '2026-12-07')).toThrow(/already published/);
  });

  it('the committed published schema is the one the changelog last released', async () => {
    const committed = readFileSync(join(PACKAGE_DIR, 'published', 'schema.graphql'), 'utf8');
    const live = readFileSync(join(PACKAGE_DIR, 'CHANGELOG.md'), 'utf8');
    expect(await unrecordedBreakingChanges(committed, published, live)).toEqual([]);
  });
});
