// A minimal browser for unit tests of the fixture twins over HTTP and HTTPS: it sends every request to
// the local fixture server with the real Host (and, for https, the real server name, checked against
// the test-only certificate), keeps cookies per host (and per domain for a cookie with a Domain attribute:
// Domain=ebay.com reaches every *.ebay.com) and follows redirects.
import http from 'node:http';
import https from 'node:https';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { readTls } from '../../fixtures/server.mjs';

export interface SitePage {
  status: number;
  url: string;
  body: string;
  location?: string;
}
export type Form = Record<string, string>;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };
/** Undoes the escaping of the fixtures' `html` tag. */
export const decode = (s: string) => s.replace(/&(?:amp|quot|#39|lt|gt);/g, (e) => ENTITIES[e] ?? e);
/** The page's `data-page` on <body>. */
export const pageId = (p: SitePage) => /<body[^>]*data-page="([^"]+)"/.exec(p.body)?.[1];
/** The page's visible text, whitespace collapsed. */
export const textOf = (p: SitePage) =>
  decode(p.body.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
/** The first group of `re` in the page's markup (decoded); throws when it is not there. */
export function pick(p: SitePage, re: RegExp): string {
  const m = re.exec(p.body);
  if (!m?.[1]) throw new Error(`no ${re} on ${p.url} (${pageId(p)})`);
  return decode(m[1]);
}

export class SiteClient {
  private jar = new Map<string, Map<string, string>>();
  private ca = readTls().cert;
  constructor(private port: number) {}

  send(method: 'GET' | 'POST', url: string, form?: Form): Promise<SitePage> {
    const u = new URL(url);
    const body = form ? new URLSearchParams(form).toString() : undefined;
    // Host-only cookies under the host name; Domain cookies under ".domain".
    const jars = [...this.jar].filter(([key]) => key === u.hostname || (key.startsWith('.') && `.${u.hostname}`.endsWith(key)));
    const cookies = jars.flatMap(([, jar]) => [...jar].map(([k, v]) => `${k}=${v}`)).join('; ');
    const headers: Record<string, string> = { host: u.hostname };
    if (cookies) headers.cookie = cookies;
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const secure = u.protocol === 'https:';
    const options = { host: '127.0.0.1', port: this.port, method, path: u.pathname + u.search, headers };
    return new Promise((resolve, reject) => {
      const onResponse = (res: http.IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          for (const c of res.headers['set-cookie'] ?? []) {
            const [pair = '', ...attrs] = c.split(';');
            const i = pair.indexOf('=');
            const name = pair.slice(0, i).trim();
            const domain = attrs.map((a) => /^\s*domain=\.?(.+?)\s*$/i.exec(a)?.[1]).find(Boolean);
            const key = domain ? `.${domain.toLowerCase()}` : u.hostname;
            const jar = this.jar.get(key) ?? new Map<string, string>();
            if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) jar.delete(name);
            else jar.set(name, pair.slice(i + 1).trim());
            this.jar.set(key, jar);
          }
          const location = res.headers.location ? new URL(res.headers.location, u).href : undefined;
          resolve({ status: res.statusCode ?? 0, url: u.href, body: Buffer.concat(chunks).toString('utf8'), location });
        });
      };
      const req = secure
        ? https.request({ ...options, servername: u.hostname, ca: this.ca, agent: false }, onResponse)
        : http.request(options, onResponse);
      req.on('error', reject);
      req.end(body);
    });
  }

  /** GET (or POST with `form`), following redirects (POST -> GET); returns the final page. */
  async go(url: string, form?: Form): Promise<SitePage> {
    let page = await this.send(form ? 'POST' : 'GET', url, form);
    for (let hops = 0; page.location && hops < 10; hops++) page = await this.send('GET', page.location);
    return page;
  }

  /** GET a JSON test hook. */
  // biome-ignore lint/suspicious/noExplicitAny: an untyped JSON document from the fixture server
  async json(url: string): Promise<any> {
    return JSON.parse((await this.send('GET', url)).body);
  }

  cookiesFor(host: string) {
    return this.jar.get(host) ?? new Map<string, string>();
  }
}

/** What a twin test file browses: the fixture server or one twin served alone (./serve-twin.ts). */
interface Served {
  port: number;
  reset(): void;
  close(): Promise<void>;
}

/**
 * A twin test file's set-up: `start` once for the file (closed after it), and before each test the
 * twins' state reset and a fresh client (no cookies) handed to `use` with the server.
 */
export function useSites<S extends Served>(start: () => Promise<S>, use: (client: SiteClient, server: S) => void) {
  let served: S;
  beforeAll(async () => {
    served = await start();
  });
  afterAll(async () => {
    await served.close();
  });
  beforeEach(() => {
    served.reset();
    use(new SiteClient(served.port), served);
  });
}
