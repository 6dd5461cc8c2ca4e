// Writes a document as snapshot HTML: shadow roots (open and closed) as declarative shadow DOM, frames
// through a hook (inlined as srcdoc), styles kept only as CSS text with no remote url(), and nothing
// that runs or fetches: no script, no event handler, no remote or javascript: URL, no <base>, no
// <meta http-equiv>. Every field's value is left out and every text and attribute value is scrubbed
// (scrub.ts). Pure DOM reading: the capture script gives it the browser parts through hooks.
import type { Rules } from './rules';
import { scrubText } from './scrub';

export interface SerialiseHooks {
  /** The shadow root of a host, open or closed, or null. */
  shadowRootOf(el: Element): ShadowRoot | null;
  /** The srcdoc to write for a frame element (a placeholder the caller fills later), or null. */
  frame(el: Element): string | null;
  /** For a checkbox-like control: the state to write (as the page had it before Unbind) and extra
   *  attributes (the caller's marker); null for any other element. */
  control(el: Element): { on: boolean; attrs: [string, string][] } | null;
  /** The CSS text of a <style> or stylesheet <link>, or null when it cannot be read. */
  cssOf(el: Element): string | null;
  /** CSS of the stylesheets adopted by a document or shadow root (web components), or ''. */
  adoptedCss(root: Document | ShadowRoot): string;
  /** The rendered size of an element (for an image's placeholder), or null. */
  sizeOf(el: Element): { width: number; height: number } | null;
}

export interface Serialised {
  html: string;
  /** Why parts were left out (caps reached, styles that could not be read); empty if none. */
  cut: string[];
  elements: number;
}

const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
/** Elements left out with all they hold: they run, fetch or redirect, or hold plugin content. */
const DROPPED = new Set([
  'script',
  'noscript',
  'base',
  'object',
  'embed',
  'applet',
  'frameset',
  'portal',
  'param',
  'source',
  'track',
  'template',
]);
/** Attributes that carry a URL. Only a same-document `#fragment` link is kept. */
const URL_ATTRS = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'srcset',
  'imagesrcset',
  'sizes',
  'poster',
  'data',
  'ping',
  'background',
  'cite',
  'longdesc',
  'manifest',
  'xlink:href',
  'lowsrc',
  'dynsrc',
  'codebase',
  'archive',
  'classid',
  'profile',
  'srcdoc',
]);
/** Attributes that only make sense with the page's own resources or scripts. */
const NOISE_ATTRS = new Set(['nonce', 'integrity', 'crossorigin', 'referrerpolicy', 'http-equiv', 'content-security-policy']);
/** Marks a fixture page may carry itself (our own fixtures): the snapshot carries the person's instead. */
const OWN_MARKS = /^data-(expect|kind|reason|unbind-)/;
/** Input types whose value is the page's own button text, not a person's entry. */
const BUTTON_TYPES = new Set(['submit', 'button', 'reset']);
/** Input types whose value names the choice to the server (the classifier reads it too). */
const CHOICE_TYPES = new Set(['checkbox', 'radio']);

const PLACEHOLDER_IMG =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='8' height='8'%3E%3Crect width='8' height='8' fill='%23ccc'/%3E%3C/svg%3E";

export const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** CSS with nothing that fetches or runs: no @import, no @font-face, every url() replaced by none. */
export function safeCss(css: string, rules: Rules): string {
  return scrubText(
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/@import[^;]*;?/gi, '')
      .replace(/@font-face\s*\{[^}]*\}/gi, '')
      .replace(/url\s*\((?:[^()'"]|"[^"]*"|'[^']*')*\)/gi, 'none')
      .replace(/image-set\s*\([^)]*\)/gi, 'none')
      .replace(/expression\s*\(|-moz-binding|behavior\s*:/gi, '/**/')
      .replace(/<\/style/gi, '<\\/style'),
    rules,
  );
}

const isSameDocLink = (name: string, value: string) => (name === 'href' || name === 'xlink:href') && /^#[\w-]*$/.test(value);

export function serialiseDocument(doc: Document, rules: Rules, hooks: SerialiseHooks, headExtra = ''): Serialised {
  const { limits } = rules;
  const out: string[] = [];
  const cut = new Set<string>();
  let bytes = 0;
  let elements = 0;
  let cssBytes = 0;
  let stopped = false;

  const write = (s: string) => {
    bytes += s.length;
    out.push(s);
    if (bytes > limits.maxBytes && !stopped) {
      stopped = true;
      cut.add(`stopped at ${limits.maxBytes} characters`);
    }
  };
  const clip = (s: string) => (s.length > limits.maxTextBytes ? s.slice(0, limits.maxTextBytes) : s);
  const css = (text: string | null): string => {
    if (!text) return '';
    const clean = safeCss(text, rules);
    if (cssBytes + clean.length > limits.maxCssBytes) {
      cut.add(`styles cut at ${limits.maxCssBytes} characters`);
      return '';
    }
    cssBytes += clean.length;
    return clean;
  };

  const attrsOf = (el: Element, tag: string): string => {
    const parts: string[] = [];
    const control = hooks.control(el);
    const input = tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : '';
    for (const a of Array.from(el.attributes)) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on') || NOISE_ATTRS.has(name) || OWN_MARKS.test(name)) continue;
      if (URL_ATTRS.has(name) && !isSameDocLink(name, a.value)) continue;
      if (
        name === 'value' &&
        (tag === 'textarea' || tag === 'select' || (tag === 'input' && !BUTTON_TYPES.has(input) && !CHOICE_TYPES.has(input)))
      )
        continue;
      if (name === 'selected' && tag === 'option') continue;
      if (control && (name === 'checked' || (name === 'aria-checked' && el.hasAttribute('role')) || name === 'aria-pressed')) continue;
      if (tag === 'meta' && name === 'content' && el.hasAttribute('http-equiv')) continue;
      let value = a.value;
      if (name === 'style') value = css(value);
      else value = clip(scrubText(value, rules));
      if (/^\s*(javascript|vbscript|data)\s*:/i.test(value) && name !== 'style') continue;
      parts.push(value === '' ? ` ${name}` : ` ${name}="${escapeAttr(value)}"`);
    }
    if (control) {
      if (tag === 'input') {
        if (control.on) parts.push(' checked');
      } else if (el.hasAttribute('aria-pressed') && !el.hasAttribute('role')) parts.push(` aria-pressed="${control.on}"`);
      else parts.push(` aria-checked="${control.on}"`);
      for (const [k, v] of control.attrs) parts.push(` ${k}="${escapeAttr(v)}"`);
    } else if (tag === 'input' && input === 'radio' && (el as HTMLInputElement).checked) {
      parts.push(' checked');
    }
    if (tag === 'img') {
      parts.push(` src="${PLACEHOLDER_IMG}"`);
      const size = hooks.sizeOf(el);
      if (size && !el.hasAttribute('width') && !el.hasAttribute('height'))
        parts.push(` width="${Math.round(size.width)}" height="${Math.round(size.height)}"`);
    }
    if (tag === 'iframe') {
      const doc = hooks.frame(el);
      if (doc !== null) parts.push(` srcdoc="${escapeAttr(doc)}"`);
    }
    return parts.join('');
  };

  const children = (parent: ParentNode, depth: number, shadowDepth: number) => {
    for (let n = parent.firstChild; n && !stopped; n = n.nextSibling) node(n, depth, shadowDepth);
  };

  const node = (n: Node, depth: number, shadowDepth: number): void => {
    if (n.nodeType === 3) {
      const parentTag = n.parentElement?.localName;
      if (parentTag === 'style' || parentTag === 'textarea') return; // written with their element
      write(escapeText(clip(scrubText(n.nodeValue ?? '', rules))));
      return;
    }
    if (n.nodeType !== 1) return; // comments, processing instructions
    const el = n as Element;
    const tag = el.localName;
    if (DROPPED.has(tag) || (tag === 'meta' && el.hasAttribute('http-equiv'))) return;
    if (tag === 'link') {
      if (!/\bstylesheet\b/i.test(el.getAttribute('rel') ?? '')) return;
      const text = css(hooks.cssOf(el));
      if (text) write(`<style>${text}</style>`);
      else cut.add('a linked stylesheet that could not be read');
      return;
    }
    if (++elements > limits.maxElements) {
      stopped = true;
      cut.add(`stopped at ${limits.maxElements} elements`);
      return;
    }
    if (depth > limits.maxDepth) {
      cut.add(`elements nested deeper than ${limits.maxDepth} left out`);
      return;
    }
    write(`<${tag}${attrsOf(el, tag)}>`);
    if (tag === 'head' && headExtra) write(headExtra);
    if (VOID.has(tag)) return;
    if (tag === 'style') {
      write(css(hooks.cssOf(el) ?? el.textContent));
    } else if (tag !== 'textarea') {
      const root = hooks.shadowRootOf(el);
      if (root) {
        if (shadowDepth >= limits.maxShadowDepth) cut.add(`shadow roots nested deeper than ${limits.maxShadowDepth} left out`);
        else {
          write(`<template shadowrootmode="${root.mode}"${root.delegatesFocus ? ' shadowrootdelegatesfocus' : ''}>`);
          const adopted = css(hooks.adoptedCss(root));
          if (adopted) write(`<style>${adopted}</style>`);
          children(root, depth + 1, shadowDepth + 1);
          write('</template>');
        }
      }
      children(el, depth + 1, shadowDepth);
    }
    write(`</${tag}>`);
  };

  write('<!doctype html>');
  const adopted = css(hooks.adoptedCss(doc));
  if (doc.documentElement) node(doc.documentElement, 0, 0);
  const html = out.join('');
  const withAdopted = adopted ? html.replace(/<\/head>/, `<style>${adopted}</style></head>`) : html;
  return { html: withAdopted, cut: [...cut], elements };
}
