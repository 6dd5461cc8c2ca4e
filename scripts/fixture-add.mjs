// npm run fixture:add FILE [-- --into DIR]: checks a snapshot saved with "Unbind got this page wrong"
// (its header, no script, no value, the text rules pass again) and copies it into fixtures/checkout/
// as snap-<host>.html, where the e2e fixture walk picks it up. A snapshot that fails gets a clear
// error and is not added. The checks are src/snapshot/ (TypeScript), loaded through Vite's runner.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { runnerImport } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(`fixture:add: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const intoAt = args.indexOf('--into');
const into = intoAt >= 0 ? path.resolve(args[intoAt + 1] ?? '') : path.join(ROOT, 'fixtures/checkout');
const file = args.find((a, i) => !a.startsWith('--') && !(intoAt >= 0 && i === intoAt + 1));
if (!file) fail('usage: npm run fixture:add FILE (a snapshot saved with "Unbind got this page wrong")');
if (!existsSync(file) || !statSync(file).isFile()) fail(`${file}: no such file`);
const html = readFileSync(file, 'utf8');

const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
const parse = (text) => new window.DOMParser().parseFromString(text, 'text/html');
const { module } = await runnerImport(path.join(ROOT, 'src/snapshot/fixture-add.ts'), {
  configFile: false,
  logLevel: 'error',
});
const taken = new Set(
  readdirSync(into)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -5)),
);
const result = module.prepareFixture(html, parse, taken);
await window.happyDOM.close();
if (!result.ok) fail(`${file} was not added:\n  ${result.problems.join('\n  ')}`);
const target = path.join(into, `${result.name}.html`);
writeFileSync(target, html);
console.log(
  `fixture:add: added ${path.relative(ROOT, target)} (${result.controls} controls, from ${result.host}, ${result.date}); ` +
    'the e2e fixture walk (test/e2e/fixtures.test.ts) checks it.',
);
