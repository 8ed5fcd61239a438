// The ceiling: plain node:http answering every request with one recorded response of our server,
// byte for byte: its status, headers and body (BENCH_RESPONSE_FILE, see ../ceilings.ts).

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { announce } from './ready.ts';

const file = process.env.BENCH_RESPONSE_FILE;
if (!file) throw new Error('BENCH_RESPONSE_FILE must name the file holding the response');
const recorded = JSON.parse(readFileSync(file, 'utf8')) as {
  status: number;
  headers: Record<string, string | string[]>;
  bodyBase64: string;
};
const body = Buffer.from(recorded.bodyBase64, 'base64');
// node:http writes these itself, as Fastify's server did.
const OWN = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
const headers = Object.entries(recorded.headers).filter(([name]) => !OWN.has(name));

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(recorded.status, headers.flat() as string[]);
    res.end(body.length > 0 ? body : undefined);
  });
});
server.listen(0, '127.0.0.1', () =>
  announce(server, () => new Promise((resolve) => server.close(() => resolve()))),
);
