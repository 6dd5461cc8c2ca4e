// The ledger of held boxes, on a happy-dom page: holding, fighting a page that re-ticks, the per-paint
// check, the limit on boxes, a box carried over to the element that replaced it, giving boxes back.
import { afterEach, describe, expect, it } from 'vitest';
import { Ledger, MAX_FIGHTS, MAX_TRACKED, type Box } from '../../src/content/guard/ledger';

function setup(count = 1) {
  document.body.innerHTML = '<input type="checkbox" checked>'.repeat(count);
  const reports: { id: number; state: Box['state'] }[] = [];
  const ledger = new Ledger({
    report: (b) => reports.push({ id: b.id, state: b.state }),
    error: (e) => {
      throw e;
    },
  });
  return { ledger, reports, els: [...document.querySelectorAll('input')] };
}
const nextPaint = () => new Promise((resolve) => requestAnimationFrame(resolve));

afterEach(async () => {
  document.body.innerHTML = ''; // a held box off the page ends the per-paint check
  await nextPaint();
});

describe('Ledger', () => {
  it('unticks and holds a box, and reports it once', () => {
    const {
      ledger,
      reports,
      els: [el],
    } = setup();
    ledger.hold(el!, 'native', 'Save card');
    expect(el!.checked).toBe(false);
    expect(ledger.boxOf(el!)).toMatchObject({ id: 1, label: 'Save card', state: 'unticked' });
    expect(reports).toEqual([{ id: 1, state: 'unticked' }]);
  });

  it(`unticks a box the page re-ticks, up to ${MAX_FIGHTS} times; then gives up and says so`, () => {
    const {
      ledger,
      reports,
      els: [el],
    } = setup();
    ledger.hold(el!, 'native', 'Save card');
    const box = ledger.boxOf(el!)!;
    for (let i = 0; i < MAX_FIGHTS; i++) {
      el!.checked = true;
      ledger.refight(box);
      expect(el!.checked).toBe(false);
    }
    el!.checked = true;
    ledger.refight(box);
    expect(el!.checked).toBe(true);
    expect(box.state).toBe('gave-up');
    expect(reports.at(-1)).toEqual({ id: 1, state: 'gave-up' });
  });

  it('catches `checked = true` by script at the next paint', async () => {
    const {
      ledger,
      els: [el],
    } = setup();
    ledger.hold(el!, 'native', 'Save card');
    el!.checked = true;
    await nextPaint();
    expect(el!.checked).toBe(false);
    expect(ledger.boxOf(el!)!.fights).toBe(1);
  });

  it(`checks at each paint for ${Ledger.PAINTS} frames after it acts, not for as long as a box is held`, async () => {
    const {
      ledger,
      els: [el],
    } = setup();
    ledger.hold(el!, 'native', 'Save card');
    for (let i = 0; i < Ledger.PAINTS; i++) await nextPaint();
    // Ticked by a path that nothing reports (no hook in this test): the check has ended.
    el!.checked = true;
    await nextPaint();
    expect(el!.checked).toBe(true);
    // A form reset or a page restored asks for the check again.
    ledger.checkPaints();
    await nextPaint();
    expect(el!.checked).toBe(false);
    expect(ledger.boxOf(el!)!.fights).toBe(1);
  });

  it(`holds at most ${MAX_TRACKED} boxes: the next one is left alone`, () => {
    const { ledger, reports, els } = setup(MAX_TRACKED + 1);
    for (const [i, el] of els.entries()) ledger.hold(el, 'native', `Save card ${i}`);
    expect(reports).toHaveLength(MAX_TRACKED);
    expect(els.at(-1)!.checked).toBe(true);
    expect(ledger.boxOf(els.at(-1)!)).toBeUndefined();
  });

  it('an element that replaces a held one, with the same label, takes over its box and its state', () => {
    const {
      ledger,
      reports,
      els: [a, b],
    } = setup(2);
    // A long label too: kept whole (the background cuts it at a word), so the two still match.
    const label = `Save card for future payments. ${'Summit Coffee Club can charge this card for your next orders. '.repeat(3)}`;
    ledger.hold(a!, 'native', label);
    const box = ledger.boxOf(a!)!;
    expect(box.label).toBe(label);
    a!.remove();
    ledger.hold(b!, 'native', label);
    expect(ledger.boxOf(b!)).toBe(box);
    expect(box.el).toBe(b);
    expect(b!.checked).toBe(false);
    expect(reports).toHaveLength(1);
  });

  it('a box the person took stays theirs on a replaced element', async () => {
    const {
      ledger,
      reports,
      els: [a, b],
    } = setup(2);
    ledger.hold(a!, 'native', 'Save card');
    ledger.personChose(a!);
    await Promise.resolve();
    expect(reports.at(-1)).toEqual({ id: 1, state: 'person' });
    a!.remove();
    ledger.hold(b!, 'native', 'Save card');
    expect(b!.checked).toBe(true);
  });

  it('keep ticks one box again; giveBack every box still unticked', () => {
    const {
      ledger,
      reports,
      els: [a, b, c],
    } = setup(3);
    for (const el of [a!, b!, c!]) ledger.hold(el, 'native', el === a ? 'A' : el === b ? 'B' : 'C');
    ledger.retick(1);
    expect(a!.checked).toBe(true);
    expect(reports.at(-1)).toEqual({ id: 1, state: 'reticked' });
    for (let i = 0; i <= MAX_FIGHTS; i++) {
      c!.checked = true;
      ledger.refight(ledger.boxOf(c!)!);
    }
    expect(reports.at(-1)).toEqual({ id: 3, state: 'gave-up' });
    reports.length = 0;
    ledger.giveBack();
    expect([a!.checked, b!.checked, c!.checked]).toEqual([true, true, true]);
    expect(reports).toEqual([{ id: 2, state: 'reticked' }]);
  });
  it('a released box (its control now asks another question) is no longer fought, nor ticked again', async () => {
    const {
      ledger,
      els: [el],
    } = setup();
    ledger.hold(el!, 'native', 'Save card');
    ledger.release(el!);
    expect(ledger.boxOf(el!)).toBeUndefined();
    el!.checked = true; // the page's default for the new question
    await nextPaint();
    expect(el!.checked).toBe(true);
    el!.checked = false;
    ledger.giveBack();
    ledger.retick(1);
    expect(el!.checked).toBe(false);
  });
});
