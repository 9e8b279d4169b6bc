import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SigilloError } from '../../electron/core/errors';
import { verifyEnvelopedXml } from '../../electron/core/tsl/xmldsig-verify';

const xml = readFileSync(join(__dirname, 'fixtures', 'TSL-IT-realistic.xml'), 'utf8');

/** Either a value or a SigilloError with one of `codes`: never another exception. */
function onlySigilloErrors(f: () => unknown, codes: string[]): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SigilloError);
    expect(codes).toContain((e as SigilloError).code);
  }
}

/** The parser itself is fuzzed in test/fuzz/tsl-parse.test.ts; this covers the signature step in front of it. */
describe('damaged trusted lists never crash the signature verification', () => {
  it('signature verification of damaged input fails cleanly', () => {
    fc.assert(
      fc.property(fc.nat({ max: xml.length }), (cut) => {
        onlySigilloErrors(
          () => verifyEnvelopedXml(xml.slice(0, cut), [], 'TSL'),
          ['TSL_MALFORMED', 'TSL_SIGNATURE_INVALID'],
        );
      }),
      { numRuns: 100 },
    );
    for (const junk of ['', 'not xml', '\u0000\u0001', '<a>', '<?xml version="1.0"?>']) {
      onlySigilloErrors(
        () => verifyEnvelopedXml(junk, [], 'TSL'),
        ['TSL_MALFORMED', 'TSL_SIGNATURE_INVALID'],
      );
    }
  });
});
