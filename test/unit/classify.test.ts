// classify() on plain facts: which source speaks first, when attributes count, and how bad data is
// skipped without taking the rest of the lexicon down with it.
import { describe, expect, it, vi } from 'vitest';
import { classify, type ControlFacts } from '../../src/detect/classify';
import { compileData } from '../../src/detect/lexicon-schema';
import { buildLexicon } from '../../src/detect/lexicon';
import { readData } from '../../scripts/data.ts';

const { tables, signals } = readData();
const lx = buildLexicon(compileData(tables, signals).data);
const facts = (f: Partial<ControlFacts>): ControlFacts => ({ label: '', context: '', attrs: '', paymentContext: false, ...f });

describe('label and context', () => {
  it('the label beats the context', () => {
    expect(classify(facts({ label: 'Save this card for future payments', context: "Don't save my card" }), lx)).toEqual({
      save: true,
      reason: 'label',
    });
    expect(classify(facts({ label: "Don't save my card", context: 'Save this card for future payments' }), lx)).toEqual({
      save: false,
      reason: 'negated',
    });
    expect(classify(facts({ label: 'Remember me', context: 'Remember my card for next time' }), lx)).toEqual({
      save: false,
      reason: 'look-alike:remember-me',
    });
  });

  it('uses the context when the label is empty or says nothing', () => {
    expect(classify(facts({ context: 'Save this card for future payments' }), lx)).toEqual({ save: true, reason: 'nearby-text' });
    expect(classify(facts({ label: 'Yes', context: 'Kartımı kaydet' }), lx)).toEqual({ save: true, reason: 'nearby-text' });
    expect(classify(facts({ context: '이 카드를 다음에도 사용' }), lx)).toEqual({ save: true, reason: 'nearby-text' });
    expect(classify(facts({ context: 'Subscribe to our newsletter' }), lx)).toEqual({ save: false, reason: 'look-alike:newsletter' });
  });

  it('a weak phrase counts only with card fields on the page', () => {
    const label = 'Save my information for a faster checkout';
    expect(classify(facts({ label, paymentContext: true }), lx)).toEqual({ save: true, reason: 'label+card-fields' });
    expect(classify(facts({ label }), lx)).toEqual({ save: false, reason: 'no-signal' });
    expect(classify(facts({ context: label, paymentContext: true }), lx)).toEqual({ save: true, reason: 'nearby-text+card-fields' });
  });

  it('an instruction turns negated wording back into a consent', () => {
    expect(classify(facts({ label: 'Uncheck if you do not want us to save your card' }), lx).save).toBe(true);
    expect(classify(facts({ label: 'Снимите галочку, если не хотите сохранять карту' }), lx).save).toBe(true);
    expect(classify(facts({ label: 'Не сохранять карту' }), lx)).toEqual({ save: false, reason: 'negated' });
  });

  it('matches text as written on the page (case, full-width forms, curly apostrophes, spacing)', () => {
    expect(classify(facts({ label: '  SAVE   THIS  CARD ' }), lx).save).toBe(true);
    expect(classify(facts({ label: 'Don\u2019t save my card' }), lx)).toEqual({ save: false, reason: 'negated' });
    expect(classify(facts({ label: 'Запам\u02bcятати мою картку' }), lx).save).toBe(true);
    expect(classify(facts({ label: 'ＳＡＶＥ ＣＡＲＤ' }), lx).save).toBe(true);
    // Soft hyphens (&shy;), as long German words are often written for hyphenation.
    expect(classify(facts({ label: 'Zah\u00adlungs\u00adda\u00adten spei\u00adchern' }), lx).save).toBe(true);
  });
});

describe("one language's words inside another's", () => {
  // Every table is tried on every label: a short stem must not wake up inside another language's word.
  it.each([
    ['Bewaar je korting voor je volgende bestelling', 'no-signal'], // Dutch "korting" (discount) is no Nordic "kort"
    ['Marketingcookies', 'no-signal'], // no table's "marketing" prefix reads a Dutch cookie switch
    ['Я принимаю условия публичной оферты', 'look-alike:terms'], // Russian "оферта" is a contract, Bulgarian "оферти" offers
    ['SMS-уведомления об операциях по карте', 'no-signal'], // a bare "SMS" is no newsletter
  ])('%j: %s', (label, reason) => {
    expect(classify(facts({ label, paymentContext: true }), lx).reason).toBe(reason);
  });
});

describe('look-alikes, by kind', () => {
  it.each([
    ['Remember me', 'remember-me'],
    ['Keep me signed in', 'sign-in'],
    ['Save my password', 'sign-in'],
    ['記住我', 'remember-me'],
    ['Save for later', 'save-for-later'],
    ['Auf den Merkzettel', 'save-for-later'],
    ['Select row 12', 'row-select'],
    ['Zaznacz wszystkie', 'row-select'],
    ['Billing address same as shipping', 'address'],
    ['Save this address to my address book', 'address'],
    ['Create an account', 'account'],
    ['Crear una cuenta', 'account'],
    ['PAYBACK Karte verwenden', 'loyalty-card'],
    ['Use my bonus card', 'no kind: not a look-alike'],
    ['This is a gift', 'gift'],
    ['Confezione regalo', 'gift'], // Italian has no gift words: the Spanish table's "regalo" serves
    ['Subscribe & Save 10%', 'offer'],
    ['Apply for the Riverside Store Card and save 10% today', 'offer'],
    ['Email me with news and offers', 'newsletter'],
    ['Abonnez-vous à la newsletter', 'newsletter'],
    ['I agree to the terms and conditions', 'terms'],
    ['Akzeptiere die AGB', 'terms'],
  ])('%j', (label, kind) => {
    const v = classify(facts({ label, paymentContext: true }), lx);
    if (kind.startsWith('no kind')) expect(v.reason.startsWith('look-alike:')).toBe(false);
    else expect(v).toEqual({ save: false, reason: `look-alike:${kind}` });
  });

  it('an address saved together with the card is a save box; an address alone is not', () => {
    expect(classify(facts({ label: 'Save my shipping address and card for faster checkout' }), lx)).toEqual({
      save: true,
      reason: 'label',
    });
    expect(classify(facts({ label: 'Lieferadresse und Karte für den nächsten Einkauf speichern' }), lx).save).toBe(true);
    expect(classify(facts({ label: "Don't save my address and card" }), lx).reason).toBe('negated');
    expect(classify(facts({ label: 'Save this address for next time' }), lx).reason).toBe('look-alike:address');
    expect(classify(facts({ label: 'Use billing address on file' }), lx).reason).toBe('look-alike:address');
    // Another kind before the address still wins: a mandate names the card and its address too.
    expect(classify(facts({ label: 'I authorise you to store my card and billing address and charge it monthly' }), lx).reason).toBe(
      'look-alike:authorisation',
    );
  });

  it('a text of two kinds is put in the narrower one', () => {
    // "subscribe" is also a newsletter word, "gift" a gift word, "agree" a terms word.
    expect(classify(facts({ label: 'Subscribe & Save 10%' }), lx).reason).toBe('look-alike:offer');
    expect(classify(facts({ label: 'I agree to receive the newsletter' }), lx).reason).toBe('look-alike:newsletter');
    expect(classify(facts({ label: 'Email me gift ideas and offers' }), lx).reason).toBe('look-alike:newsletter');
  });

  it('the kind is looked for only after the one combined test matched', () => {
    const lex = buildLexicon(compileData(tables, signals).data);
    const kindOf = vi.spyOn(lex, 'lookAlikeOf');
    for (const label of ['Save card', "Don't save my card", 'Yes', 'Save my info for faster checkout'])
      classify(facts({ label, attrs: 'save-card' }), lex);
    expect(kindOf).not.toHaveBeenCalled();
    expect(classify(facts({ context: 'Remember me' }), lex).reason).toBe('look-alike:remember-me');
    expect(kindOf).toHaveBeenCalledTimes(1);
  });

  it('a label\'s kind is remembered with its verdict: a grid of "Select row N" looks for it once', () => {
    const lex = buildLexicon(compileData(tables, signals).data);
    const kindOf = vi.spyOn(lex, 'lookAlikeOf');
    const memo = new Map();
    for (let n = 10; n < 60; n++) expect(classify(facts({ label: `Select row ${n}` }), lex, memo).reason).toBe('look-alike:row-select');
    expect(kindOf).toHaveBeenCalledTimes(1);
  });
});

describe('attribute tokens', () => {
  const cases = [
    'storePaymentMethod', // Adyen Drop-in
    'wc-stripe-new-payment-method wc-stripe-new-payment-method', // WooCommerce Stripe (id and name)
    'payment[is_active_payment_token_enabler]', // Magento 2 / Braintree vault
  ];
  it.each(cases)('%s counts with a payment context', (attrs) => {
    expect(classify(facts({ attrs, paymentContext: true }), lx)).toEqual({ save: true, reason: 'attribute+card-fields' });
  });
  it.each(cases)('%s does not count without one', (attrs) => {
    expect(classify(facts({ attrs }), lx)).toEqual({ save: false, reason: 'no-signal' });
  });
  it('card words in the label or context stand in for the payment context, and are named first', () => {
    expect(classify(facts({ attrs: 'storePaymentMethod', context: 'Visa ending 4242' }), lx)).toEqual({
      save: true,
      reason: 'attribute+card-words',
    });
    expect(classify(facts({ attrs: 'storePaymentMethod', label: 'Credit card', paymentContext: true }), lx)).toEqual({
      save: true,
      reason: 'attribute+card-words',
    });
  });
  it('the text speaks before the attributes', () => {
    expect(classify(facts({ label: "Don't save my card", attrs: 'storePaymentMethod', paymentContext: true }), lx)).toEqual({
      save: false,
      reason: 'negated',
    });
    expect(classify(facts({ label: 'Save this address', attrs: 'save-card', paymentContext: true }), lx)).toEqual({
      save: false,
      reason: 'look-alike:address',
    });
  });
  it('attrNever vetoes a save token', () => {
    expect(classify(facts({ attrs: 'save-card-and-address', paymentContext: true }), lx)).toEqual({ save: false, reason: 'no-signal' });
    expect(classify(facts({ attrs: 'store-details newsletter-optin', paymentContext: true }), lx)).toEqual({
      save: false,
      reason: 'no-signal',
    });
    expect(classify(facts({ attrs: 'save_for_later', paymentContext: true }), lx)).toEqual({ save: false, reason: 'no-signal' });
  });
  it('unrelated attributes give no signal', () => {
    expect(classify(facts({ attrs: 'billing_same_as_shipping', paymentContext: true }), lx)).toEqual({ save: false, reason: 'no-signal' });
  });
});

describe('corrupt data', () => {
  const en = tables.find((t) => t.file === 'lang/en.json')!;
  const table = (lang: string, over: Record<string, unknown>) => ({
    lang,
    save: [],
    card: [],
    phrases: [],
    weak: [],
    optOut: [],
    instruction: [],
    never: {},
    payButton: [],
    examples: { match: [], noMatch: [], payButton: [] },
    ...over,
  });

  it('skips a table of the wrong shape, records why, and keeps the others', () => {
    const { data, problems } = compileData(
      [
        en,
        { file: 'lang/xx.json', raw: table('xx', { save: 'speichern' }) },
        { file: 'lang/yy.json', raw: { invalidJson: 'Unexpected token' } },
        { file: 'lang/zz.json', raw: table('zz', { phrases: ['\\bzzsave\\b'] }) },
      ],
      signals,
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^lang\/xx\.json: save/);
    expect(problems[1]).toMatch(/^lang\/yy\.json/);
    expect(data.languages).toEqual(['en', 'zz']);
    const lex = buildLexicon(data);
    expect(classify(facts({ label: 'Save card' }), lex).save).toBe(true);
    expect(classify(facts({ label: 'zzsave' }), lex).save).toBe(true);
  });

  it('drops only the bad pattern of a table, with the file and category named', () => {
    const { data, problems } = compileData(
      [en, { file: 'lang/qq.json', raw: table('qq', { phrases: ['(unclosed', '\\bqqsave\\b'], never: { terms: ['[z-a]'] } }) }],
      signals,
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('lang/qq.json phrases: bad pattern "(unclosed"');
    expect(problems[1]).toContain('lang/qq.json never.terms: bad pattern "[z-a]"');
    expect(data.languages).toEqual(['en', 'qq']);
    const lex = buildLexicon(data);
    expect(classify(facts({ label: 'qqsave' }), lex).save).toBe(true);
    expect(classify(facts({ label: 'Remember my card' }), lex).save).toBe(true);
    expect(classify(facts({ label: 'Remember me' }), lex).save).toBe(false);
  });

  it('bad signals are reported and leave the language tables working', () => {
    const { data, problems } = compileData([en], { ...(signals as object), attrSave: 'save-card' });
    expect(problems.some((p) => p.startsWith('signals.json: attrSave'))).toBe(true);
    const lex = buildLexicon(data);
    expect(classify(facts({ label: 'Save card' }), lex).save).toBe(true);
    expect(classify(facts({ attrs: 'save-card', paymentContext: true }), lex)).toEqual({ save: false, reason: 'no-signal' });
  });

  it('buildLexicon skips a pattern that slipped past the build and still classifies', () => {
    const { data } = compileData([en], signals);
    const lex = buildLexicon({ ...data, patterns: { ...data.patterns, save: [['(oops'], ...data.patterns.save] } });
    expect(lex.problems).toEqual(['save: bad pattern "(oops"']);
    expect(classify(facts({ label: 'Save card' }), lex).save).toBe(true);
  });

  it("expands the word-edge shorthand with the table's letters, and ships it short", () => {
    const { data, problems } = compileData(
      [
        {
          file: 'lang/sv.json',
          raw: table('sv', { letters: 'a-zåäö', save: ['\\<spara\\>'], card: ['\\<kort\\l*'], never: { terms: ['a\\\\<b'] } }),
        },
      ],
      signals,
    );
    expect(problems).toEqual([]);
    expect(data.patterns.save).toEqual([['\\<spara\\>']]);
    const lex = buildLexicon(data);
    expect(lex.save.source).toBe('(?:(?<![a-zåäö])spara(?![a-zåäö]))');
    expect(classify(facts({ label: 'Spara kortet' }), lex).save).toBe(true);
    expect(classify(facts({ label: 'Sparat kortet' }), lex).save).toBe(false); // "spara" inside "sparat": no word end
    expect(classify(facts({ label: 'Spara åkort' }), lex).save).toBe(false); // å is a letter: no word start before "kort"
    expect(lex.never.test('a\\<b')).toBe(true); // an escaped backslash before < is a backslash and a <
  });

  it('rejects the shorthand in a table without letters, and letters no label can have', () => {
    const { data, problems } = compileData(
      [
        en,
        { file: 'lang/xx.json', raw: table('xx', { save: ['\\<spara\\>'] }) },
        { file: 'lang/th.json', raw: table('th', { save: ['จดจำ'] }) },
      ],
      signals,
    );
    expect(problems).toEqual([
      'lang/xx.json save: pattern "\\\\<spara\\\\>" uses \\< \\> or \\l, but the table has no `letters`',
      'lang/th.json save: pattern "จดจำ" has "ำ", which labels never have: they are read NFKC-normalised',
    ]);
    expect(data.patterns.save.slice(1)).toEqual([[], []]);
  });

  it('an empty category matches nothing rather than everything', () => {
    const lex = buildLexicon({
      languages: [],
      letters: [],
      patterns: { save: [], card: [], phrases: [], weak: [], optOut: [], instruction: [], never: [] },
      neverKinds: '',
      signals: { attrSave: [], attrNever: [], cardFieldSelectors: [], paymentFrameHosts: [] },
      siteRules: [],
    });
    expect(classify(facts({ label: 'Save card', attrs: 'save-card', paymentContext: true }), lex)).toEqual({
      save: false,
      reason: 'no-signal',
    });
  });
});

describe('label memo', () => {
  it('reads "Select row 123" once for every row number, and keeps single digits apart', async () => {
    const { compileData } = await import('../../src/detect/lexicon-schema');
    const { readData } = await import('../../scripts/data.ts');
    const { tables, signals } = readData();
    const lex = buildLexicon(compileData(tables, signals).data);
    const memo = new Map();
    for (const n of [123, 4567, 89])
      expect(classify({ label: `Select row ${n}`, context: '', attrs: '', paymentContext: true }, lex, memo).save).toBe(false);
    expect([...memo.entries()]).toEqual([['select row 00', 'look-alike:row-select']]);
    expect(classify({ label: 'Save my info for 1-click checkout', context: '', attrs: '', paymentContext: true }, lex, memo).save).toBe(
      true,
    );
  });
});

describe('wallet sign-ups inside a checkout keep the card', () => {
  // Wording from the wallets' own help pages (see fixtures/checkout/save-wallet-signups.html).
  it.each([
    'Save my information for a faster checkout with a Shop account',
    'Save my info with Bolt',
    'Create a Bolt account',
    'Save my info for faster checkout with Link',
    'Secure, 1-click checkout with Link',
    'Save your info with Fastlane',
    'Save my details with Klarna',
    'Save your PayPal account for faster checkout',
    'Save Venmo for future purchases',
  ])('%j is a save box, card fields or not', (label) => {
    expect(classify(facts({ label }), lx)).toEqual({ save: true, reason: 'label' });
  });
  it('a plain "Create an account" is still an account, not a wallet', () => {
    expect(classify(facts({ label: 'Create an account for faster checkout next time', paymentContext: true }), lx).reason).toBe(
      'look-alike:account',
    );
  });
});

describe('required authorisations are never a save box', () => {
  it.each([
    ['en', 'I authorise Summit Coffee Club to charge this card for renewals as described above'],
    ['en', 'I authorize Summit Coffee Club to charge my payment method $12.00 monthly for Summit Club until I cancel my subscription'],
    ['en', 'I agree my card will be charged automatically at the end of each billing period'],
    ['en', 'I confirm that I am the account holder and the only person required to authorise debits from this account'],
    [
      'en',
      'By providing your payment information and confirming this payment, you authorise (A) Summit Coffee Club and Stripe to send instructions to your bank to debit your account',
    ],
    ['de', 'Ich ermächtige die Summit Coffee GmbH, Zahlungen von meinem Konto mittels Lastschrift einzuziehen.'],
    ['fr', "J'autorise Summit Coffee à débiter ma carte pour les paiements récurrents de mon abonnement"],
    ['es', 'Autorizo a Summit Coffee a realizar cargos recurrentes en mi tarjeta para los pagos futuros'],
    ['nl', 'Ik geef Summit Coffee toestemming om doorlopende incasso-opdrachten te sturen naar mijn bank'],
    ['it', 'Autorizzo Summit Coffee ad addebitare sulla mia carta i pagamenti ricorrenti futuri'],
    ['pl', 'Wyrażam zgodę na cykliczne obciążanie mojej karty kwotą subskrypcji do czasu odwołania zgody'],
  ])('%s: %j', (_lang, label) => {
    // With every other signal for saving present: card words, card fields, the card form.
    const v = classify(facts({ label, paymentContext: true, cardForm: true, attrs: 'save_card' }), lx);
    expect(v).toEqual({ save: false, reason: 'look-alike:authorisation' });
  });
  it('the authorisation is read before the save phrases that share its words', () => {
    // "charge this card for future payments" alone is a save phrase; authorised, it is a mandate.
    expect(classify(facts({ label: 'Charge my card automatically next time' }), lx).save).toBe(true);
    expect(classify(facts({ label: 'I authorise Summit to save my card and charge it for future payments' }), lx).reason).toBe(
      'look-alike:authorisation',
    );
    // A save consent that only says what saving allows is still a save consent.
    expect(
      classify(facts({ label: 'Save card for future payments Summit Coffee Club can charge this card for your next orders.' }), lx),
    ).toEqual({ save: true, reason: 'label' });
  });
  it('a box the page requires is never unticked, whatever it says', () => {
    expect(classify(facts({ label: 'Save this card for future payments', required: true }), lx)).toEqual({
      save: false,
      reason: 'required',
    });
    expect(classify(facts({ label: 'Save my info for faster checkout', paymentContext: true, required: () => true }), lx)).toEqual({
      save: false,
      reason: 'required',
    });
    expect(classify(facts({ label: 'I accept the SEPA Direct Debit mandate', required: true }), lx).reason).toBe(
      'look-alike:authorisation',
    );
    expect(classify(facts({ label: 'Yes', required: true }), lx).reason).toBe('no-signal');
  });
});

describe('"Remember me" is decided by where it is', () => {
  it.each(['Remember me', 'Se souvenir de moi', 'Ricordami', 'Zapamiętaj mnie', 'Запомнить меня', '记住我'])(
    '%j: the card inside the card form, the person elsewhere',
    (label) => {
      expect(classify(facts({ label, cardForm: true }), lx)).toEqual({ save: true, reason: 'label+card-form' });
      expect(classify(facts({ label, cardForm: false, paymentContext: true }), lx)).toEqual({
        save: false,
        reason: 'look-alike:remember-me',
      });
      expect(classify(facts({ context: label, cardForm: true }), lx)).toEqual({ save: true, reason: 'nearby-text+card-form' });
    },
  );
  it.each(['Keep me signed in', 'Angemeldet bleiben', 'Mantener la sesión iniciada', '下次自动登录'])(
    '%j is signing in, wherever it is',
    (label) => {
      expect(classify(facts({ label, cardForm: true, paymentContext: true }), lx)).toEqual({ save: false, reason: 'look-alike:sign-in' });
    },
  );
  it('the card form is asked only for a "Remember me"', () => {
    const cardForm = vi.fn(() => true);
    classify(facts({ label: 'Save this card', cardForm }), lx);
    classify(facts({ label: 'Subscribe to our newsletter', cardForm }), lx);
    expect(cardForm).not.toHaveBeenCalled();
  });
});
