// Checks a snapshot file before it is saved or added as a fixture: its header, nothing that runs or
// fetches, no field value, no text the rules would replace, and controls marked with what they should
// end as. Runs on any DOM (the popup's, happy-dom in Node for `npm run fixture:add`). Frames written
// as srcdoc and declarative shadow roots (<template>) are checked too.
import { readHeader, type Header } from './header';
import type { Rules } from './rules';
import { findLeaks } from './scrub';

export interface CheckResult {
  header: Header | null;
  problems: string[];
  /** The controls marked data-expect, in all frames and shadow roots. */
  controls: number;
}

const FORBIDDEN = new Set(['script', 'noscript', 'base', 'link', 'object', 'embed', 'applet', 'frame', 'frameset', 'portal']);
const URL_ATTRS =
  /^(href|src|action|formaction|srcset|imagesrcset|poster|data|ping|background|cite|longdesc|manifest|xlink:href|lowsrc|dynsrc|codebase|archive|classid)$/;
const PLACEHOLDER = /^data:image\/svg\+xml,/;
const VALUE_OK = new Set(['submit', 'button', 'reset', 'checkbox', 'radio']);
const MAX_PROBLEMS = 20;

export function checkSnapshot(html: string, parse: (html: string) => Document, rules: Rules): CheckResult {
  const problems: string[] = [];
  const say = (p: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  if (html.length > rules.limits.maxBytes * 2) say(`the file is larger than ${rules.limits.maxBytes * 2} characters`);
  const doc = parse(html);
  const head = readHeader(doc);
  if (!head.ok) say(head.error);
  let controls = 0;

  const leaks = (where: string, text: string) => {
    for (const id of findLeaks(text, rules)) say(`${where}: text the "${id}" rule replaces`);
  };
  const visit = (root: ParentNode, where: string, frameDepth: number) => {
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root as Node, 0x1 | 0x4 | 0x80);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === 3) {
        const parentTag = n.parentElement?.localName ?? '';
        if (parentTag === 'textarea' && n.nodeValue) say(`${where}: a textarea with text in it`);
        else leaks(`${where} <${parentTag}>`, n.nodeValue ?? '');
        continue;
      }
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      const tag = el.localName;
      const at = `${where} <${tag}>`;
      if (FORBIDDEN.has(tag)) say(`${at}: an element that runs or fetches`);
      if (tag === 'meta' && el.hasAttribute('http-equiv')) say(`${at}: <meta http-equiv>`);
      if (tag === 'style' && /url\s*\(|@import/i.test(el.textContent ?? '')) say(`${at}: a style that fetches (url() or @import)`);
      for (const a of Array.from(el.attributes)) {
        const name = a.name.toLowerCase();
        if (name.startsWith('on')) say(`${at}: an event handler attribute (${name})`);
        else if (URL_ATTRS.test(name)) {
          const ok = (tag === 'img' && name === 'src' && PLACEHOLDER.test(a.value)) || (name === 'href' && /^#[\w-]*$/.test(a.value));
          if (!ok) say(`${at}: a URL attribute (${name})`);
        } else if (name === 'style' && /url\s*\(|expression\s*\(/i.test(a.value)) say(`${at}: a style attribute that fetches`);
        else if (
          name === 'value' &&
          (tag === 'textarea' || tag === 'select' || (tag === 'input' && !VALUE_OK.has((el.getAttribute('type') ?? 'text').toLowerCase())))
        )
          say(`${at}: a field with a value`);
        else if (name === 'selected' && tag === 'option') say(`${at}: a chosen option`);
        if (name !== 'srcdoc' && name !== 'src') leaks(`${at} ${name}`, a.value);
      }
      if (el.hasAttribute('data-expect')) {
        controls++;
        if (!/^(on|off)$/.test(el.getAttribute('data-expect') ?? '')) say(`${at}: data-expect must be on or off`);
        if (!/^(save|other)$/.test(el.getAttribute('data-kind') ?? '')) say(`${at}: data-kind must be save or other`);
      }
      if (tag === 'template') visit((el as HTMLTemplateElement).content, `${where} (shadow root)`, frameDepth);
      if (tag === 'iframe' && el.hasAttribute('srcdoc')) {
        if (frameDepth > 8) say(`${at}: frames nested too deep`);
        else visit(parse(el.getAttribute('srcdoc') ?? ''), `${where} (frame)`, frameDepth + 1);
      }
    }
  };
  visit(doc, 'page', 0);
  if (controls === 0) say('no control is marked with data-expect');
  return { header: head.ok ? head.header : null, problems, controls };
}
