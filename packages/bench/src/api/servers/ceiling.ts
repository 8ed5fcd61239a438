// The ceiling: plain node:http answering every request with one precomputed JSON body.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { announce } from './ready.ts';

const file = process.env.BENCH_BODY_FILE;
if (!file) throw new Error('BENCH_BODY_FILE must name the file holding the response body');
const body = readFileSync(file);
const headers = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': body.length,
};

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () =>
  announce(server, () => new Promise((resolve) => server.close(() => resolve()))),
);
