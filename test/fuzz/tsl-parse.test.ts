/**
 * Fuzzing the trusted-list parser (electron/core/tsl): mutated copies of a realistic TSL, XML bombs (entity
 * expansion, deep nesting, huge attributes): a TrustedList or a SigilloError, under a second each.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SigilloError } from '../../electron/core/errors';
import { parseTrustedList } from '../../electron/core/tsl/tsl-parse';
import { corpusFiles, fuzzTimeout, mutatedArb, runs, saveCrasher, structured } from './fuzz-support';

const TSL = readFileSync(join(__dirname, '..', 'tsl', 'fixtures', 'TSL-IT-realistic.xml'));

async function parse(bytes: Uint8Array): Promise<unknown> {
  return structured(() => parseTrustedList(Buffer.from(bytes).toString('utf8')));
}

/** Whole-element edits: drop, duplicate or empty one element, or change its text (what a byte mutator rarely does). */
const elementEditArb = fc
  .tuple(fc.nat(), fc.constantFrom('drop', 'duplicate', 'empty', 'text'), fc.string({ maxLength: 40 }))
  .map(([which, how, text]) => {
    const s = TSL.toString('utf8');
    const tags = [...s.matchAll(/<(tsl:[A-Za-z]+)[^>]*>[^<]*<\/\1>/g)];
    const m = tags[which % tags.length]!;
    const at = m.index;
    const whole = m[0];
    const open = whole.slice(0, whole.indexOf('>') + 1);
    const close = `</${m[1]}>`;
    const repl =
      how === 'drop'
        ? ''
        : how === 'duplicate'
          ? whole + whole
          : how === 'empty'
            ? open + close
            : open + text + close;
    return Buffer.from(s.slice(0, at) + repl + s.slice(at + whole.length));
  });

describe('fuzz: trusted-list parser', () => {
  it('parses the base list', () => {
    expect(parseTrustedList(TSL.toString('utf8')).services.length).toBeGreaterThan(0);
  });

  it(
    'mutated bytes: a TrustedList or a SigilloError, under 1 s each',
    { timeout: fuzzTimeout(300) },
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedArb([new Uint8Array(TSL)]), async (bytes) => {
          try {
            await parse(bytes);
          } catch (e) {
            saveCrasher('tsl', bytes);
            throw e;
          }
        }),
        { numRuns: runs(300) },
      );
    },
  );

  it(
    'element edits (missing, repeated, empty, odd text): a TrustedList or a SigilloError',
    { timeout: fuzzTimeout(200) },
    async () => {
      await fc.assert(
        fc.asyncProperty(elementEditArb, async (bytes) => {
          await parse(bytes);
        }),
        { numRuns: runs(200) },
      );
    },
  );

  it('XML bombs: entity expansion, deep nesting, a huge attribute — refused or parsed, fast', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join(
        '',
      ) +
      ']><tsl:TrustServiceStatusList xmlns:tsl="http://uri.etsi.org/02231/v2#">&lol9;</tsl:TrustServiceStatusList>';
    const r = await parse(Buffer.from(laughs));
    expect(r).toBeInstanceOf(SigilloError);
    expect((r as SigilloError).code).toBe('TSL_MALFORMED');
    // xmldom costs ~10 µs an element (linear, not exponential): 20 000 levels stay well under a second
    const deep = '<a>'.repeat(20_000) + '</a>'.repeat(20_000);
    expect(await parse(Buffer.from(deep))).toBeInstanceOf(SigilloError);
    const wide = `<tsl:TrustServiceStatusList xmlns:tsl="http://uri.etsi.org/02231/v2#" x="${'A'.repeat(8 << 20)}"/>`;
    expect(await parse(Buffer.from(wide))).toBeInstanceOf(SigilloError);
  });

  it('regression corpus (test/fuzz/corpus/tsl): a result or a SigilloError', async () => {
    for (const { bytes } of corpusFiles('tsl')) await parse(bytes);
  });
});
