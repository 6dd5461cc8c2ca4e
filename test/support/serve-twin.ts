// Serves one fixture twin on loopback over plain http, calling its handler directly (no fixture
// server, no https): for the twins' unit tests, browsed with SiteClient (./site-client.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface Site {
  hosts: string[];
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> | void;
  reset(): void;
}

/** Serves the twin made by `create` (its default-exported factory) on 127.0.0.1. */
export async function serveTwin(create: () => Site) {
  const site = create();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    Promise.resolve(site.handle(req, res, url)).catch((err) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    site,
    port: (server.address() as AddressInfo).port,
    reset: () => site.reset(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
