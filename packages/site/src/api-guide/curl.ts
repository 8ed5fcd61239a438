// An example as shell commands: curl against "$API", the GraphQL endpoint's URL.

import { stripIgnoredCharacters } from 'graphql';
import type { ApiExample } from './guide.ts';

/** The header a GET needs (CSRF protection); the server's rule names it. */
export const PREFLIGHT_HEADER = 'apollo-require-preflight: true';

/** Single-quoted for the shell, so nothing in it is expanded. */
const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** A quoted JSON text in which each `"$name"` is the shell variable, expanded in double quotes. */
function quoteWithVariables(json: string, name: string | undefined): string {
  const quoted = quote(json);
  return name ? quoted.replaceAll(`"$${name}"`, `"'"$${name}"'"`) : quoted;
}

function requestArgs(
  example: Pick<ApiExample, 'method' | 'document' | 'variables' | 'extensions'>,
  variable?: string,
): string {
  const query = stripIgnoredCharacters(example.document);
  if (example.method === 'POST') {
    const body = JSON.stringify({
      query,
      ...(example.variables && { variables: example.variables }),
      ...(example.extensions && { extensions: example.extensions }),
    });
    return `"$API" -H 'content-type: application/json' \\\n  -d ${quoteWithVariables(body, variable)}`;
  }
  const params = [`query=${query}`];
  if (example.variables) params.push(`variables=${JSON.stringify(example.variables)}`);
  if (example.extensions) params.push(`extensions=${JSON.stringify(example.extensions)}`);
  const encoded = params.map((param) => `--data-urlencode ${quote(param)}`).join(' ');
  return `-G "$API" -H '${PREFLIGHT_HEADER}' \\\n  ${encoded}`;
}

/** The commands that run the example and print what it shows. */
export function curlCommand(example: ApiExample): string {
  const lines: string[] = [];
  const { capture } = example;
  if (capture) {
    const first = requestArgs({ method: 'POST', document: capture.document });
    lines.push(
      `${capture.name}=$(curl -s ${first} \\\n  | sed -n 's/.*"${capture.field}":"\\([^"]*\\)".*/\\1/p')`,
    );
  }
  const args = requestArgs(example, capture?.name);
  if (example.show === 'revalidate') {
    lines.push(
      `etag=$(curl -s -o /dev/null -D - ${args} \\\n  | tr -d '\\r' | sed -n 's/^etag: //ip')`,
      `curl -s -o /dev/null -w '%{http_code}\\n' -H "if-none-match: $etag" ${args}`,
    );
  } else {
    lines.push(`curl -s${example.show === 'headers' ? 'i' : ''} ${args}`);
  }
  return lines.join('\n');
}
