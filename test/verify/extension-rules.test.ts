/**
 * RFC 5280 §4.2 on a certificate's extensions: one extension twice (two basicConstraints, two keyUsage) makes the
 * signer or CA certificate unacceptable (Bouncy Castle, so DSS: "repeated extension found"), never "the first
 * wins"; a critical keyUsage that is no BIT STRING cannot be processed and fails the path; a keyUsage present
 * with no bit set allows nothing (it was read as "no keyUsage").
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setLang } from '../../electron/core/i18n/translate';
import { CA_EXT, LEAF_EXT, startChainPki, type ChainPki } from './support/chain-pki';
import { signAndVerify } from './support/chain-verify';
import { extension, extensionIs, withExtensions } from './support/cert-edit';

const fx = inject('fixture');
const BASIC_CONSTRAINTS = '2.5.29.19';
const KEY_USAGE = '2.5.29.15';
/** BasicConstraints { cA TRUE } */
const CA_TRUE = Uint8Array.of(0x30, 0x03, 0x01, 0x01, 0xff);
/** KeyUsage BIT STRING keyCertSign */
const KEY_CERT_SIGN = Uint8Array.of(0x03, 0x02, 0x02, 0x04);
let input = '';
let pki: ChainPki;

beforeAll(async () => {
  setLang('en');
  const dir = mkdtempSync(join(fx.root, 'extension-rules-'));
  input = join(dir, 'doc.txt');
  writeFileSync(input, 'documento\n');
  pki = await startChainPki(dir);
});

afterAll(() => pki.close());

describe('extensions of the signer and CA certificates (RFC 5280 §4.2)', () => {
  it('the signer or its CA with one extension twice: CHAIN_CONSTRAINTS_FAILURE naming it', async () => {
    const ca = pki.issue('dup-ca', pki.root, CA_EXT);
    const leaf = pki.issue('dup-leaf', ca, LEAF_EXT);
    const ok = await signAndVerify(pki, input, leaf, [ca]);
    expect(ok.indication).toBe('TOTAL_PASSED');
    for (const [id, value] of [
      [BASIC_CONSTRAINTS, CA_TRUE],
      [KEY_USAGE, KEY_CERT_SIGN],
    ] as const) {
      const twice = withExtensions(leaf, ca, `dup-leaf-${id}`, (e) => [...e, extension(id, true, value)]);
      const s = await signAndVerify(pki, input, twice, [ca]);
      expect(s.subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE');
      expect(s.explanation).toContain(`same extension more than once (${id})`);
    }
    const caTwice = withExtensions(ca, pki.root, 'dup-ca-twice', (e) => [
      ...e,
      extension(KEY_USAGE, true, KEY_CERT_SIGN),
    ]);
    const s = await signAndVerify(pki, input, leaf, [caTwice]);
    expect(s.subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE');
    expect(s.explanation).toContain('"dup-ca"');
    expect(s.explanation).toContain(`same extension more than once (${KEY_USAGE})`);
  });

  it('a critical keyUsage that is no BIT STRING fails the path; one with no bit set allows nothing', async () => {
    const ca = pki.issue('ku-ca', pki.root, CA_EXT);
    const leaf = pki.issue('ku-leaf', ca, LEAF_EXT);
    const replaced = (name: string, value: Uint8Array) =>
      withExtensions(leaf, ca, name, (e) =>
        e.map((x) => (extensionIs(x, KEY_USAGE) ? extension(KEY_USAGE, true, value) : x)),
      );
    const garbage = await signAndVerify(
      pki,
      input,
      replaced('ku-garbage', Uint8Array.of(0x04, 0x02, 0x02, 0x04)),
      [ca],
    );
    expect(garbage.subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE');
    expect(garbage.explanation).toContain(`unreadable critical extension (${KEY_USAGE})`);
    const empty = await signAndVerify(pki, input, replaced('ku-empty', Uint8Array.of(0x03, 0x01, 0x00)), [
      ca,
    ]);
    expect(empty.indication).toBe('INDETERMINATE');
    expect(empty.subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE');
  });
});
