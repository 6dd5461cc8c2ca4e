import { launch } from './lib/browser.mjs';
import { startFixtureServer } from '../fixtures/server.mjs';
const srv = await startFixtureServer();
const b = await launch({});
const page = await b.browser.newPage();
page.on('console', m => console.log('console:', m.text()));
for (const name of process.argv.slice(2)) {
  await page.goto(`${srv.originA}/checkout/${name}.html`);
  await new Promise(r => setTimeout(r, 1500));
  const { readOutcomes } = await import('./lib/outcomes.mjs');
  console.log(name, JSON.stringify((await readOutcomes(page)).filter(o => !o.ok)));
}
await b.close(); await srv.close();
