// Asks a fixture twin's test hook (/__test/state…) from outside the browser: the hooks answer no other
// origin, and asking from the page would be a visit of its own to the guide. The request goes to the
// fixture server's one port with the twin's real host name (over https with its server name too, checked
// against the test-only certificate). Shared by the e2e specs and the main job.
import http from 'node:http';
import https from 'node:https';
import { readTls } from '../../fixtures/server.mjs';

/**
 * GETs a twin's JSON test hook.
 * @param {number} port the fixture server's port
 * @param {string} url the hook's address under the twin's real host, e.g. http://www.ebay.com/__test/state?user=…
 * @returns {Promise<any>}
 */
export function askTwin(port, url) {
  const u = new URL(url);
  const options = { host: '127.0.0.1', port, path: u.pathname + u.search, headers: { host: u.hostname } };
  return new Promise((resolve, reject) => {
    const onResponse = (/** @type {http.IncomingMessage} */ res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => {
        try {
          resolve(JSON.parse(body));
        } catch {
          reject(new Error(`${url}: not JSON (${res.statusCode}): ${body.slice(0, 200)}`));
        }
      });
    };
    const req =
      u.protocol === 'https:'
        ? https.get({ ...options, servername: u.hostname, ca: readTls().cert, agent: false }, onResponse)
        : http.get(options, onResponse);
    req.on('error', reject);
  });
}
