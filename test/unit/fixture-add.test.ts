// `npm run fixture:add FILE`, run as a person runs it (node, the real script): a good snapshot is
// copied under a name from its host; a snapshot that fails a check gets a clear error and is not added.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { assemble } from '../../src/snapshot/assemble';
import { HEADER_SLOT } from '../../src/snapshot/capture-types';
import { rules } from '../../src/snapshot/rules';
import { serialiseDocument } from '../../src/snapshot/serialise';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'unbind-fixture-add-'));
const into = path.join(dir, 'checkout');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A snapshot as the popup makes it, of a small checkout with one save box. */
function goodSnapshot(): string {
  document.body.innerHTML =
    '<form><label><input type="checkbox" checked> Save my card for future payments</label><label><input name="cc" autocomplete="cc-number"> Card number</label></form>';
  let n = 0;
  const html = serialiseDocument(
    document,
    rules(),
    {
      shadowRootOf: () => null,
      frame: () => null,
      control: (el) => (el.matches('[type=checkbox]') ? { on: true, attrs: [['data-unbind-control', `:${n++}`]] } : null),
      cssOf: () => null,
      adoptedCss: () => '',
      sizeOf: () => null,
    },
    HEADER_SLOT,
  ).html;
  const frame = { path: [], top: true, host: 'www.shop.example', guarded: true, html, fallbacks: {}, cut: [], elements: 1, ms: 1 };
  const controls = [{ id: ':0', label: 'Save my card for future payments', on: true, did: 'unticked' as const, pageExpect: null }];
  return assemble([{ ...frame, controls }], {}, { host: 'www.shop.example', date: '2026-11-27' }, rules().limits).html;
}

const run = async (file: string) => {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [path.join(ROOT, 'scripts/fixture-add.mjs'), file, '--into', into], {
      cwd: ROOT,
    });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
};

// Each run starts node and Vite's module runner (about 2 s of CPU): on a busy shared machine that can
// take far longer than the default timeout in wall time.
describe('npm run fixture:add', { timeout: 180_000 }, () => {
  it('adds a good snapshot as snap-<host>, then a second one beside it', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(into, { recursive: true });
    const file = path.join(dir, 'unbind-snapshot-www.shop.example-2026-11-27.html');
    const html = goodSnapshot();
    writeFileSync(file, html);
    const first = await run(file);
    expect(first.out).toMatch(/added .*snap-shop\.example\.html \(1 controls, from www\.shop\.example, 2026-11-27\)/);
    expect(first.code).toBe(0);
    expect(readFileSync(path.join(into, 'snap-shop.example.html'), 'utf8')).toBe(html);
    expect((await run(file)).code).toBe(0);
    expect(readdirSync(into).sort()).toEqual(['snap-shop.example-2.html', 'snap-shop.example.html']);
  });

  it('refuses a snapshot with a script, a handler, a value or a card number, says why, and adds nothing', async () => {
    const good = goodSnapshot();
    const bad = good
      .replace('</body>', '<script>fetch("//x")</script><p>Card 4111 1111 1111 1111</p></body>')
      .replace('<label>', '<label onclick="x()">')
      .replace('autocomplete="cc-number"', 'autocomplete="cc-number" value="4111111111111111"');
    const file = path.join(dir, 'bad.html');
    writeFileSync(file, bad);
    const before = readdirSync(into);
    const result = await run(file);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/bad\.html was not added:/);
    expect(result.out).toMatch(/an element that runs or fetches/);
    expect(result.out).toMatch(/event handler attribute \(onclick\)/);
    expect(result.out).toMatch(/a field with a value/);
    expect(result.out).toMatch(/"card-number" rule/);
    expect(result.out).not.toMatch(/4111/); // the error never repeats the number
    expect(readdirSync(into)).toEqual(before);
  });

  it('refuses a file that is no snapshot, and a missing file', async () => {
    const file = path.join(dir, 'page.html');
    writeFileSync(file, '<!doctype html><title>x</title><input type="checkbox" data-expect="off" data-kind="save">');
    const result = await run(file);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/no Unbind snapshot header/);
    expect((await run(path.join(dir, 'missing.html'))).out).toMatch(/no such file/);
  });
});
