// The snapshot writer and its checks, in happy-dom: shadow roots (open and closed) as declarative
// shadow DOM, frames through their slot, values left out, and hostile pages (handlers, javascript:
// URLs, <meta refresh>, <base>, srcset, CSS url(), form actions, huge and deeply nested pages).
import { beforeEach, describe, expect, it } from 'vitest';
import { assemble } from '../../src/snapshot/assemble';
import type { FrameCapture } from '../../src/snapshot/capture-types';
import { HEADER_SLOT } from '../../src/snapshot/capture-types';
import { checkSnapshot } from '../../src/snapshot/check';
import { fixtureName, readHeader, snapshotFileName } from '../../src/snapshot/header';
import { rules } from '../../src/snapshot/rules';
import { type SerialiseHooks, safeCss, serialiseDocument } from '../../src/snapshot/serialise';

const r = rules();
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const closed = new WeakMap<Element, ShadowRoot>();

/** Hooks as the capture script gives them, minus the browser: every box-like control marked. */
function hooks(over: Partial<SerialiseHooks> = {}): SerialiseHooks {
  let n = 0;
  return {
    shadowRootOf: (el) => el.shadowRoot ?? closed.get(el) ?? null,
    frame: () => null,
    control: (el) =>
      el.matches('input[type=checkbox],[role=checkbox],[role=switch]')
        ? {
            on: (el as HTMLInputElement).checked || el.getAttribute('aria-checked') === 'true',
            attrs: [['data-unbind-control', `:${n++}`]],
          }
        : null,
    cssOf: (el) => (el.localName === 'style' ? el.textContent : null),
    adoptedCss: () => '',
    sizeOf: () => ({ width: 40, height: 20 }),
    ...over,
  };
}

const write = (h = hooks()) => serialiseDocument(document, r, h, HEADER_SLOT);

/** One frame's capture as the popup gets it, from this document. */
function asFrame(html: string, controls: FrameCapture['controls']): FrameCapture {
  return { path: [], top: true, host: 'shop.example', guarded: true, html, fallbacks: {}, cut: [], controls, elements: 1, ms: 1 };
}

beforeEach(() => {
  document.head.innerHTML = '<meta charset="utf-8"><title>Checkout</title>';
  document.body.innerHTML = '';
});

describe('what a snapshot keeps', () => {
  it('controls with their labels and state, marked for the person’s choice', () => {
    document.body.innerHTML = `<form><label><input type="checkbox" name="save_card" value="1" checked> Save my card</label>
      <label><input type="checkbox" name="news"> Newsletter</label></form>`;
    const out = write();
    const doc = parse(out.html);
    const boxes = doc.querySelectorAll('input[type=checkbox]');
    expect(boxes).toHaveLength(2);
    expect((boxes[0] as HTMLInputElement).checked).toBe(true);
    expect(boxes[0]!.getAttribute('value')).toBe('1');
    expect(boxes[0]!.closest('label')!.textContent).toContain('Save my card');
    expect(boxes[1]!.getAttribute('data-unbind-control')).toBe(':1');
  });

  it('the state the page had before Unbind (written from the hook, not the current property)', () => {
    document.body.innerHTML = '<input type="checkbox" id="a"><div role="checkbox" aria-checked="false">Save</div>';
    const out = write(hooks({ control: () => ({ on: true, attrs: [] }) }));
    expect(out.html).toContain('<input type="checkbox" id="a" checked>');
    expect(out.html).toContain('role="checkbox" aria-checked="true"');
  });

  it('open and closed shadow roots as declarative shadow DOM, nested', () => {
    const host = document.createElement('pay-card');
    const root = host.attachShadow({ mode: 'closed' });
    closed.set(host, root);
    root.innerHTML =
      '<style>.c{display:flex}</style><div class="c"><input type="checkbox" id="remember" checked><label for="remember">Remember this card</label></div><inner-part></inner-part>';
    const inner = root.querySelector('inner-part')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<span>inner text</span>';
    document.body.append(host);
    const html = write().html;
    expect(html).toMatch(/<pay-card><template shadowrootmode="closed"><style>\.c\{display:flex\}<\/style>/);
    expect(html).toContain('<inner-part><template shadowrootmode="open"><span>inner text</span></template></inner-part>');
    expect(html).toContain('id="remember" checked');
  });

  it('a frame through its slot, as srcdoc', () => {
    document.body.innerHTML = '<iframe src="https://pay.example/frame" title="Card"></iframe>';
    const html = write(hooks({ frame: () => '__unbind_frame_0__' })).html;
    expect(html).toContain('<iframe title="Card" srcdoc="__unbind_frame_0__"></iframe>');
  });

  it('images as placeholders of their size, with no URL', () => {
    document.body.innerHTML =
      '<img src="https://cdn.example/visa.png" srcset="a.png 2x" alt="Visa"><picture><source srcset="x.webp"><img src="y.png"></picture>';
    const html = write().html;
    expect(html).not.toMatch(/cdn\.example|a\.png|x\.webp|y\.png/);
    expect(html).toContain('alt="Visa"');
    expect(html).toContain('width="40" height="20"');
  });
});

describe('what a snapshot leaves out', () => {
  it('every typed value, the text of textareas and the chosen option', () => {
    document.body.innerHTML = `<input name="cc" value="4111 1111 1111 1111" autocomplete="cc-number"><input type="email" value="sam@example.com">
      <textarea>Leave it at 4 Example Road</textarea><select><option>UK</option><option selected value="fr">France</option></select>
      <input type="submit" value="Pay £37.40">`;
    (document.querySelector('input[name=cc]') as HTMLInputElement).value = '4111 1111 1111 1111';
    const html = write().html;
    expect(html).not.toMatch(/4111|sam@|Example Road|selected/);
    expect(html).toContain('value="fr"'); // an option's own value is the page's, not a person's entry
    expect(html).toContain('value="Pay £37.40"');
  });

  it('card-like, e-mail and phone text anywhere: text, attributes, titles', () => {
    document.body.innerHTML =
      '<p title="4111-1111-1111-1111">Card 4111 1111 1111 1111 ending, exp 12/29, CVC 123</p><a href="mailto:sam@example.com">sam@example.com</a><span data-phone="+44 20 7946 0958">call</span>';
    const html = write().html;
    expect(html).not.toMatch(/4111|12\/29|CVC 123|sam@example|7946/);
    expect(html).toContain('[card number]');
  });

  it('scripts, handlers, javascript: URLs, <meta refresh>, <base>, form actions, remote CSS', () => {
    document.head.innerHTML += `<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">
      <link rel="stylesheet" href="https://cdn.example/a.css"><link rel="preload" href="x.js" as="script">
      <style>@import url(https://cdn.example/b.css); body { background: url("https://t.example/p.gif") } @font-face { font-family: X; src: url(x.woff) }</style>`;
    document.body.innerHTML = `<script>alert(1)</script><noscript><img src="https://t.example/n.gif"></noscript>
      <a href="javascript:alert(1)" onclick="steal()">x</a><form action="https://evil.example/post" onsubmit="x()"><button formaction="javascript:void 0" onmouseover="y()">Pay</button></form>
      <div style="background-image: url('https://t.example/q.png'); width: 10px" onload="z()"></div><svg><use href="https://evil.example/s.svg#i"/><use href="#local"/></svg>
      <object data="x.swf"></object><embed src="y.swf"><iframe src="javascript:alert(1)"></iframe><video poster="p.png" src="v.mp4"></video>`;
    const out = write();
    expect(out.html).not.toMatch(
      /<script|alert|steal|onclick|onsubmit|onmouseover|onload|evil\.example|t\.example|cdn\.example|https?:|@import|x\.woff|<object|<embed|<base|http-equiv|poster|v\.mp4/i,
    );
    expect(out.html).toContain('href="#local"');
    expect(out.html).toContain('width: 10px');
    expect(out.cut).toContain('a linked stylesheet that could not be read');
  });

  it('the page’s own data-expect and data-reason (our fixtures carry them): the person’s choice is what counts', () => {
    document.body.innerHTML = '<input type="checkbox" data-expect="on" data-kind="other" data-reason="no-signal">';
    expect(write().html).not.toMatch(/data-expect|data-kind|data-reason/);
  });

  it('safeCss makes no request of any kind', () => {
    const css = safeCss('a{background:url(x.png)} b{background:image-set("a.png" 1x)} c{width:expression(alert(1))} </style><script>', r);
    expect(css).not.toMatch(/url\(|image-set|expression\(|<\/style/i);
  });
});

describe('hostile pages are capped, and the snapshot says so', () => {
  it('a huge page stops at the element cap (a small cap here: happy-dom is slow to build the page)', () => {
    const small = { ...r, limits: { ...r.limits, maxElements: 2000 } };
    const rows = Array.from({ length: 2500 }, (_, i) => `<i>${i}</i>`).join('');
    document.body.innerHTML = `<input type="checkbox" checked><div>${rows}</div>`;
    const out = serialiseDocument(document, small, hooks(), '');
    expect(out.cut).toContain('stopped at 2000 elements');
    expect(out.elements).toBe(2001);
    expect(out.html.endsWith('</html>')).toBe(true);
  });

  it('deep nesting stops at the depth cap, without a stack overflow', () => {
    let el: Element = document.body;
    for (let i = 0; i < r.limits.maxDepth + 300; i++) el = el.appendChild(document.createElement('div'));
    el.innerHTML = '<input type="checkbox">';
    const out = write();
    expect(out.cut).toContain(`elements nested deeper than ${r.limits.maxDepth} left out`);
  });

  it('shadow roots nested without end stop at the shadow cap', () => {
    let host: Element = document.body.appendChild(document.createElement('x-a'));
    for (let i = 0; i < 40; i++) {
      const root = host.attachShadow({ mode: 'open' });
      host = root.appendChild(document.createElement('x-a'));
    }
    const out = write();
    expect(out.cut).toContain(`shadow roots nested deeper than ${r.limits.maxShadowDepth} left out`);
    expect(out.html.match(/<template/g)).toHaveLength(r.limits.maxShadowDepth);
  });

  it('a very long text is clipped', () => {
    document.body.innerHTML = `<p>${'word '.repeat(10_000)}</p>`;
    expect(write().html.length).toBeLessThan(r.limits.maxTextBytes + 500);
  });
});

describe('assembly and checks', () => {
  const page = () => {
    document.body.innerHTML =
      '<label><input type="checkbox" checked> Save my card for next time</label><label><input type="checkbox"> I accept the terms</label><iframe></iframe>';
    return write(hooks({ frame: () => '__unbind_frame_0__' })).html;
  };
  const controls: FrameCapture['controls'] = [
    { id: ':0', label: 'Save my card for next time', on: true, did: 'unticked', pageExpect: null },
    { id: ':1', label: 'I accept the terms', on: false, did: 'not-ticked', pageExpect: null },
  ];
  const child: FrameCapture = {
    ...asFrame(
      '<!doctype html><html><head></head><body><input type="checkbox" data-unbind-control="0:0" checked> Remember card</body></html>',
      [{ id: '0:0', label: 'Remember card', on: true, did: 'ticked', pageExpect: null }],
    ),
    top: false,
    path: [0],
  };

  it('puts frames in as srcdoc, marks each control as the person chose, and writes the header', () => {
    const made = assemble([asFrame(page(), controls), child], { '0:0': 'untick' }, { host: 'shop.example', date: '2026-11-27' }, r.limits);
    const doc = parse(made.html);
    expect(readHeader(doc)).toEqual({ ok: true, header: { version: '1', host: 'shop.example', date: '2026-11-27', cut: 'none' } });
    const [save, terms] = doc.querySelectorAll('input');
    expect([save!.dataset.expect, save!.dataset.kind, terms!.dataset.expect, terms!.dataset.kind]).toEqual(['off', 'save', 'off', 'other']);
    const inner = parse(doc.querySelector('iframe')!.getAttribute('srcdoc')!);
    expect(inner.querySelector('input')!.dataset.expect).toBe('off');
    expect(made.html).not.toMatch(/data-unbind-control|__unbind_frame_/);
    expect(made.controls).toBe(3);
    const check = checkSnapshot(made.html, parse, r);
    expect(check.problems).toEqual([]);
    expect(check.controls).toBe(3);
  });

  it('a frame that answered nothing is left empty, and the header says so', () => {
    const made = assemble([asFrame(page(), controls)], {}, { host: 'shop.example', date: '2026-11-27' }, r.limits);
    expect(made.header.cut).toMatch(/a frame Unbind could not read/);
    expect(made.html).toContain('srcdoc=""');
  });

  it('the checks refuse what a snapshot must not hold, and say where', () => {
    const good = assemble([asFrame(page(), controls), child], {}, { host: 'shop.example', date: '2026-11-27' }, r.limits).html;
    const cases: [string, RegExp][] = [
      [good.replace('</body>', '<script>x()</script></body>'), /runs or fetches/],
      [good.replace('<label>', '<label onclick="x()">'), /event handler attribute \(onclick\)/],
      [good.replace('</body>', '<p>4111 1111 1111 1111</p></body>'), /"card-number" rule/],
      [good.replace('</body>', '<input value="sam">'), /a field with a value/],
      [good.replace('</body>', '<a href="https://x.example">x</a></body>'), /URL attribute \(href\)/],
      [good.replace('</body>', '<style>a{background:url(x.png)}</style></body>'), /a style that fetches/],
      [
        good.replace('<meta name="unbind-snapshot-date" content="2026-11-27">', '<meta name="unbind-snapshot-date" content="yesterday">'),
        /snapshot header: date/,
      ],
      [good.replace(/ data-expect=(?:"|&quot;)\w*(?:"|&quot;)/g, ''), /no control is marked/],
      [good.replace(/Remember card/, 'Call +44 20 7946 0958'), /\(frame\).*"phone" rule/],
      ['<p>hello</p>', /no Unbind snapshot header/],
    ];
    for (const [html, problem] of cases) expect(checkSnapshot(html, parse, r).problems.join('\n')).toMatch(problem);
  });

  it('names the file and the fixture from the host', () => {
    expect(snapshotFileName({ host: 'shop.example', date: '2026-11-27' })).toBe('unbind-snapshot-shop.example-2026-11-27.html');
    expect(fixtureName('www.shop.example', new Set(['snap-shop.example']))).toBe('snap-shop.example-2');
  });
});
