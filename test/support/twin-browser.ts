// A minimal browser for the fixture twins' unit tests: one twin served on loopback over plain http,
// real Host headers, host-only cookies per host, redirects followed (POST becomes GET on 302/303).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Page {
  status: number;
  url: string;
  body: string;
  location?: string;
}
export type Form = Record<string, string>;

interface Site {
  hosts: string[];
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> | void;
  reset(): void;
}

/** Serves one twin (its default-exported factory) on 127.0.0.1; every Host it claims reaches it. */
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
  const port = (server.address() as AddressInfo).port;
  return {
    site,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
/** The twin's own name for a page (body data-page). */
export const pageId = (p: Page) => /<body[^>]*data-page="([^"]+)"/.exec(p.body)?.[1];
/** What a person reads: the text without tags, scripts and styles, spaces folded. */
export const text = (p: Page) =>
  decode(p.body.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
export function match(p: Page, re: RegExp): string {
  const m = re.exec(p.body);
  if (!m?.[1]) throw new Error(`no ${re} on ${p.url} (${pageId(p)})`);
  return decode(m[1]);
}

export class TwinBrowser {
  private jar = new Map<string, Map<string, string>>();
  constructor(private port: number) {}

  send(method: 'GET' | 'POST', url: string, form?: Form): Promise<Page> {
    const u = new URL(url);
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const cookies = [...(this.jar.get(u.hostname) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers: Record<string, string> = { host: u.hostname };
    if (cookies) headers.cookie = cookies;
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: this.port, method, path: u.pathname + u.search, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const jar = this.jar.get(u.hostname) ?? new Map<string, string>();
          for (const c of res.headers['set-cookie'] ?? []) {
            const [pair = '', ...attrs] = c.split(';');
            const i = pair.indexOf('=');
            const name = pair.slice(0, i).trim();
            if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) jar.delete(name);
            else jar.set(name, pair.slice(i + 1).trim());
          }
          this.jar.set(u.hostname, jar);
          const location = res.headers.location ? new URL(res.headers.location, u).href : undefined;
          resolve({ status: res.statusCode ?? 0, url: u.href, body: Buffer.concat(chunks).toString('utf8'), location });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** GET (or POST with `form`), following redirects; the final page. */
  async go(url: string, form?: Form): Promise<Page> {
    let page = await this.send(form ? 'POST' : 'GET', url, form);
    for (let hops = 0; page.location && hops < 10; hops++) page = await this.send('GET', page.location);
    return page;
  }

  // biome-ignore lint/suspicious/noExplicitAny: an untyped JSON document from the twin's test hook
  async json(url: string): Promise<any> {
    return JSON.parse((await this.send('GET', url)).body);
  }

  cookiesFor(host: string) {
    return this.jar.get(host) ?? new Map<string, string>();
  }
}
