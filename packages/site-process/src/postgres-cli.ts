// Starts a throwaway PostgreSQL for local use, prints its URL, and deletes it on Ctrl-C:
//   pnpm --filter @jin/site-process postgres [--port 4310]
import { parseArgs } from 'node:util';
import { startThrowawayPostgres } from './postgres.ts';

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`--port must be a port number, not "${values.port}"`);
  process.exit(2);
}

const server = await startThrowawayPostgres({ port });
console.log(server.url);
console.error(
  `PostgreSQL is running in ${server.dataDir}; Ctrl-C stops it and deletes the folder.`,
);

let stopping = false;
const shutDown = async () => {
  if (stopping) return;
  stopping = true;
  await server.destroy();
  process.exit(0);
};
process.on('SIGINT', shutDown);
process.on('SIGTERM', shutDown);
// Keeps the process alive until a signal arrives.
setInterval(() => {}, 1 << 30);
