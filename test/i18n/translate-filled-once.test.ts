/**
 * say()/t() fill a message once per distinct parameters (issue 22: a batch words the same warning for each file):
 * every answer must be the one of filling it again — in the current language and in the twin remembered —, also
 * when a parameter becomes a core text with a twin after it was first filled (its Italian form then changes), when
 * the message object's texts change, past the per-message cap, and for keys that could run together.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { say, setLang, getLang, type Message } from '../../electron/core/i18n/translate';
import { twinOf } from '../../electron/core/i18n/text-twins';
import { fill } from '../../shared/format/fill';

const lang0 = getLang();
afterEach(() => setLang(lang0));

/** filling without any memory: what say() returned before */
function direct(msg: Message, params: Record<string, string | number>): Message {
  const one = (l: keyof Message) => fill(msg[l], params, (v) => twinOf(String(v))?.[l] ?? v);
  return { it: one('it'), en: one('en') };
}

function check(msg: Message, params: Record<string, string | number>): void {
  const want = direct(msg, params);
  for (const l of ['it', 'en'] as const) {
    const got = say(msg, params, l);
    expect(got).toBe(want[l]);
    expect(twinOf(got) ?? { it: got, en: got }).toEqual(want.it === want.en ? { it: got, en: got } : want);
  }
}

describe('say: a message filled once per parameters', () => {
  const WARN: Message = { it: '{alg}: oltre la data ({date}).', en: '{alg}: past its date ({date}).' };

  it('the same parameters again, and others', () => {
    for (let n = 0; n < 3; n++) check(WARN, { alg: 'RSA 2048 bit', date: '2026-01-01' });
    check(WARN, { alg: 'RSA 3072 bit', date: '2026-01-01' });
    check(WARN, { alg: 'RSA 2048 bit', date: 2031 });
    check(WARN, { date: '2026-01-01', alg: 'RSA 2048 bit' });
  });

  it('a parameter that becomes a core text after a first filling is then written as its twin', () => {
    const WHY: Message = { it: 'Marca non valida: {why}', en: 'Invalid timestamp: {why}' };
    const INNER: Message = { it: 'impronta diversa {n}', en: 'different digest {n}' };
    setLang('en');
    const inner = 'different digest 42-' + Math.random();
    // first filled while `inner` is no core text: the same in both languages
    expect(say(WHY, { why: inner }, 'it')).toBe(`Marca non valida: ${inner}`);
    // now the core words it (its twin is remembered): the Italian filling must use the twin
    const n = inner.slice('different digest '.length);
    expect(say(INNER, { n })).toBe(inner);
    expect(say(WHY, { why: inner }, 'it')).toBe(`Marca non valida: impronta diversa ${n}`);
    check(WHY, { why: inner });
  });

  it('a message whose texts change is filled again', () => {
    const msg: Message = { it: 'a {x}', en: 'b {x}' };
    check(msg, { x: 1 });
    msg.en = 'c {x}';
    check(msg, { x: 1 });
    expect(say(msg, { x: 1 }, 'en')).toBe('c 1');
  });

  it('past the cap of fillings per message, and parameters whose parts could run together', () => {
    const msg: Message = { it: '{a}|{b}', en: '{b}/{a}' };
    for (let i = 0; i < 200; i++) check(msg, { a: `v${i % 70}`, b: i % 3 });
    check(msg, { a: '1:x', b: '' });
    check(msg, { a: '1', b: ':x' });
    check(msg, { a: '', b: '1:x' });
    // written one after the other without lengths, these two would have the same key
    check(msg, { a: '', b: 'bb' });
    check(msg, { a: 'b', b: 'b' });
  });
});
