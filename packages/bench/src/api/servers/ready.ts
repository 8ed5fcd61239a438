// What every benchmark server does once it listens: tell the parent its port, and exit cleanly
// on SIGTERM (a clean exit is what lets `--cpu-prof` write its profile). Closing gets two
// seconds: a server that takes longer to drain is not what is being measured.

import type { Server } from 'node:http';

export function announce(server: Server, close: () => Promise<void>): void {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send?.({ port });
  process.once('SIGTERM', () => {
    const grace = new Promise((resolve) => setTimeout(resolve, 2000));
    Promise.race([close(), grace]).finally(() => process.exit(0));
  });
}
