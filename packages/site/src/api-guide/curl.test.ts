// The commands as bash reads them: curl is replaced by a function that prints its arguments.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlCommand } from './curl.ts';
import type { ApiExample } from './guide.ts';

function argumentsOf(command: string, env: Record<string, string> = {}): string[][] {
  const script = `curl() { printf '%s\\0' "$@"; printf '\\n'; }\n${command}`;
  const result = spawnSync('bash', ['-c', script], {
    env: { ...process.env, API: 'http://api.test/graphql', ...env },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\0').filter((arg) => arg !== ''));
}

const base: ApiExample = {
  id: 'x',
  title: 'x',
  text: 'x',
  method: 'POST',
  document: `query Q($q: String!) {\n  search(query: $q) { totalCount }\n}`,
  variables: { q: 'Japan\'s "new" $HOME `visa`' },
  show: 'body',
};

describe('curlCommand', () => {
  it('sends the document and variables exactly, whatever quotes or dollars they hold', () => {
    const [args = []] = argumentsOf(curlCommand(base));
    const body = JSON.parse(args[args.indexOf('-d') + 1] ?? '');
    expect(body).toEqual({
      query: 'query Q($q:String!){search(query:$q){totalCount}}',
      variables: { q: 'Japan\'s "new" $HOME `visa`' },
    });
    expect(args.slice(0, 2)).toEqual(['-s', 'http://api.test/graphql']);
  });

  it('puts a captured shell variable into the variables, and GETs with the preflight header', () => {
    const captured = curlCommand({
      ...base,
      variables: { after: '$after' },
      capture: { name: 'after', document: '{ __typename }', field: 'endCursor' },
    });
    // The capture's curl prints nothing here, so `after` is set from the environment instead.
    const lines = argumentsOf(captured.split('\n').slice(3).join('\n'), { after: 'abc=' });
    const args = lines[0] ?? [];
    expect(JSON.parse(args[args.indexOf('-d') + 1] ?? '').variables).toEqual({ after: 'abc=' });

    const [get = []] = argumentsOf(curlCommand({ ...base, method: 'GET', variables: undefined }));
    expect(get).toContain('-G');
    expect(get).toContain('apollo-require-preflight: true');
    expect(get).toContain('query=query Q($q:String!){search(query:$q){totalCount}}');
  });
});
