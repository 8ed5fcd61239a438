// A minimal HTTP client over one keep-alive connection, for checks and sequential timings.

import { Agent, request as httpRequest } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export function request(url: string, options: RequestOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export const JSON_HEADERS = { 'content-type': 'application/json' };

/** A POST body for a GraphQL document. */
export const graphqlBody = (query: string, variables?: Record<string, unknown>) =>
  JSON.stringify(variables ? { query, variables } : { query });

export interface GraphqlReply {
  status: number;
  data: Record<string, unknown> | null;
  errors: unknown[];
  body: string;
}

export async function postGraphql(url: string, query: string): Promise<GraphqlReply> {
  const reply = await request(`${url}/graphql`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: graphqlBody(query),
  });
  let parsed: { data?: Record<string, unknown> | null; errors?: unknown[] } = {};
  try {
    parsed = JSON.parse(reply.body);
  } catch {
    parsed = { errors: [`not JSON: ${reply.body.slice(0, 200)}`] };
  }
  return {
    status: reply.status,
    data: parsed.data ?? null,
    errors: parsed.errors ?? [],
    body: reply.body,
  };
}
