// A minimal browser for driving the fixture twins over HTTP in unit tests: real Host headers, host-only
// cookies per host, redirects followed (POST becomes GET on 302/303), and small readers for the HTML.
// Plain http (the twins answer the same way whichever scheme the browser used).
import http from 'node:http';

export interface Page {
  status: number;
  url: string;
  body: string;
  location?: string;
}
export type Form = Record<string, string>;

export const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
/** The page's `<body data-page>`. */
export const pageId = (p: Page) => /<body[^>]*data-page="([^"]+)"/.exec(p.body)?.[1];
/** The first capture of `re` in the page, decoded; throws when it is not there. */
export function match(p: Page, re: RegExp): string {
  const m = re.exec(p.body);
  if (!m?.[1]) throw new Error(`no ${re} on ${p.url} (${pageId(p)})`);
  return decode(m[1]);
}
/** The page's text, without scripts, styles and tags. */
export const text = (p: Page) =>
  decode(p.body.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

export class SiteBrowser {
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

  /** A test hook's JSON answer. */
  // biome-ignore lint/suspicious/noExplicitAny: an untyped JSON document from the fixture server
  async json(url: string): Promise<any> {
    return JSON.parse((await this.send('GET', url)).body);
  }

  cookiesFor(host: string) {
    return this.jar.get(host) ?? new Map<string, string>();
  }
}
