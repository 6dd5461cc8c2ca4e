// Replaces what must never leave the page (card numbers, expiry dates, security codes, e-mail
// addresses, phone numbers) in a text, by the rules in src/data/snapshot-rules.json. Pure logic.
import type { Rules, TextRule } from './rules';

/** The Luhn check (ISO/IEC 7812) over the digits of `s`. */
export function luhnValid(s: string): boolean {
  const digits = s.replace(/\D/g, '');
  if (digits.length < 12) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const applyRule = (text: string, rule: TextRule): string =>
  rule.luhn ? text.replace(rule.re, (m) => (luhnValid(m) ? rule.replacement : m)) : text.replace(rule.re, rule.replacement);

/** The text with every rule applied, in order. Cheap when the text has no digit and no @. */
export function scrubText(text: string, rules: Rules): string {
  if (!/[\d@]/.test(text)) return text;
  let out = text;
  for (const rule of rules.text) out = applyRule(out, rule);
  return out;
}

/** The ids of the rules that still find something in `text` (empty when it is clean). */
export function findLeaks(text: string, rules: Rules): string[] {
  if (!/[\d@]/.test(text)) return [];
  return rules.text.filter((r) => applyRule(text, r) !== text).map((r) => r.id);
}
