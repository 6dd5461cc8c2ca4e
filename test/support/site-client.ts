// A minimal browser for driving the fixture twins over HTTP in unit tests: real Host headers, cookies per
// host or per domain (Domain=ebay.com reaches every *.ebay.com), redirects followed (POST -> GET).
import http from 'node:http';

export interface SitePage {
  status: number;
  url: string;
  body: string;
  location?: string;
}
export type Form = Record<string, string>;

interface Cookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** The page's `data-page` name. */
export const pageId = (p: SitePage) => /<body[^>]*data-page="([^"]+)"/.exec(p.body)?.[1];
/** The first group of `re` in the page's markup, unescaped; throws when absent. */
export function match(p: SitePage, re: RegExp): string {
  const m = re.exec(p.body);
  if (!m?.[1]) throw new Error(`no ${re} on ${p.url} (${pageId(p)})`);
  return decode(m[1]);
}
/** The page's text without markup, scripts and styles, spaces collapsed. */
export const text = (p: SitePage) =>
  decode(p.body.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

export class SiteClient {
  private jar: Cookie[] = [];
  constructor(private port: number) {}

  private cookieHeader(host: string): string {
    return this.jar
      .filter((c) => (c.hostOnly ? c.domain === host : host === c.domain || host.endsWith(`.${c.domain}`)))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private store(host: string, header: string): void {
    const [pair = '', ...attrs] = header.split(';');
    const i = pair.indexOf('=');
    const name = pair.slice(0, i).trim();
    const domainAttr = attrs.map((a) => /^\s*domain=\.?(.+)$/i.exec(a)?.[1]).find(Boolean);
    const domain = (domainAttr ?? host).toLowerCase();
    const hostOnly = !domainAttr;
    this.jar = this.jar.filter((c) => !(c.name === name && c.domain === domain && c.hostOnly === hostOnly));
    if (!attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.jar.push({ name, value: pair.slice(i + 1).trim(), domain, hostOnly });
  }

  send(method: 'GET' | 'POST', url: string, form?: Form): Promise<SitePage> {
    const u = new URL(url);
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const headers: Record<string, string> = { host: u.hostname };
    const cookies = this.cookieHeader(u.hostname);
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
          for (const c of res.headers['set-cookie'] ?? []) this.store(u.hostname, c);
          const location = res.headers.location ? new URL(res.headers.location, u).href : undefined;
          resolve({ status: res.statusCode ?? 0, url: u.href, body: Buffer.concat(chunks).toString('utf8'), location });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** GET (or POST with `form`), following redirects; returns the final page. */
  async go(url: string, form?: Form): Promise<SitePage> {
    let page = await this.send(form ? 'POST' : 'GET', url, form);
    for (let hops = 0; page.location && hops < 10; hops++) page = await this.send('GET', page.location);
    return page;
  }

  /** A test hook's JSON answer. */
  // biome-ignore lint/suspicious/noExplicitAny: an untyped JSON document from the fixture server
  async json(url: string): Promise<any> {
    return JSON.parse((await this.send('GET', url)).body);
  }

  clearCookies(): void {
    this.jar = [];
  }
}

/** A twin's test hook asked from the test itself (not from the page: the hooks answer no other origin). */
// biome-ignore lint/suspicious/noExplicitAny: an untyped JSON document from the fixture server
export async function askTwin(port: number, url: string): Promise<any> {
  const page = await new SiteClient(port).send('GET', url);
  return JSON.parse(page.body);
}
