// @vitest-environment node
// The fixture server speaks http and https on one port, and its test-only certificate (fixtures/tls/)
// covers every https host a twin serves. When this fails for a host, run `node fixtures/tls/make-cert.mjs`
// and commit fixtures/tls/cert.pem and key.pem.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSites, readTls, startFixtureServer, type FixtureServer } from '../../fixtures/server.mjs';
import { SiteClient } from '../support/site-client.ts';

const tls = readTls();
const cert = new X509Certificate(tls.cert);

describe('the test-only certificate', () => {
  it('covers every https host a fixture twin serves', async () => {
    const sites = await loadSites();
    const uncovered = sites.flatMap((s) => s.httpsHosts.filter((h) => !cert.checkHost(h)).map((h) => `${s.name}: ${h}`));
    expect(uncovered, 'run `node fixtures/tls/make-cert.mjs` and commit fixtures/tls/').toEqual([]);
  });

  it('is for servers, signs itself, matches its key and stays valid for another year', () => {
    expect(cert.checkPrivateKey(createPrivateKey(tls.key))).toBe(true);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.subject).toContain('TEST ONLY');
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(Date.now() + 365 * 24 * 3600_000);
  });

  it('also names the directory places (and their subdomains), so a new twin rarely needs a new certificate', () => {
    for (const h of ['www.paypal.com', 'www.amazon.com', 'www.amazon.co.uk', 'www.aliexpress.com']) expect(cert.checkHost(h)).toBeTruthy();
  });
});

describe('one port, both protocols', () => {
  let srv: FixtureServer;
  beforeAll(async () => {
    srv = await startFixtureServer();
  });
  afterAll(async () => {
    await srv.close();
  });

  it('answers plain http', async () => {
    const page = await new SiteClient(srv.port).go(`http://127.0.0.1:${srv.port}/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Checkout fixtures');
  });

  it('answers https with the certificate, verified for a real host name', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      https
        .get({ host: '127.0.0.1', port: srv.port, path: '/', servername: 'www.paypal.com', ca: tls.cert, agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(status).toBe(200);
  });

  it('moves plain http to https for a twin https host, as the real sites do', async () => {
    const host = srv.httpsHosts[0];
    if (!host) return; // no twin serves https yet
    const page = await new SiteClient(srv.port).send('GET', `http://${host}/some/path?x=1`);
    expect(page.status).toBe(301);
    expect(page.location).toBe(`https://${host}/some/path?x=1`);
    expect(srv.siteUrl(host, '/a')).toBe(`https://${host}/a`);
  });

  it('an AliExpress twin host stays plain http', async () => {
    expect(srv.siteUrl('www.aliexpress.com', '/')).toBe('http://www.aliexpress.com/');
  });
});
