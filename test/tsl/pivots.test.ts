import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateTrustedLists } from '../../electron/core/tsl/tsl-update';
import { makeSigner, signWithXmlCrypto, signWithXmlsec, type TestSigner } from './support/xml-signers';
import { startDocServer, type DocServer } from './support/tsl-server';
import { GRANTED_FOR_ESIG, lotlList, memberList } from './support/cli-scenario';
import type { TslSpec } from './support/tsl-xml';

const fx = inject('fixture');
const OJ = 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=uriserv:OJ.C_.2019.276.01.0001.01.ENG';
let dir = '';
let server: DocServer;
let keys: Record<'oj' | 'second' | 'third' | 'intruder' | 'it', TestSigner>;
let runs = 0;

/** A LOTL (or pivot) announcing `next` as its own signing key, pointing to the IT list. */
function lotl(sequence: number, next: TestSigner, schemeUris: string[] = []): TslSpec {
  const self = {
    territory: 'EU',
    location: server.url('/lotl.xml'),
    certificates: [next.der],
    tslType: 'EUlistofthelists',
  };
  const it = { territory: 'IT', location: server.url('/IT.xml'), certificates: [keys.it.der] };
  return lotlList(sequence, [self, it], { schemeUris });
}

function update(trust: TestSigner) {
  const env = {
    SIGILLO_DATA_DIR: join(dir, `data-${runs++}`),
    SIGILLO_LOTL_URL: server.url('/lotl.xml'),
    SIGILLO_LOTL_TRUST: trust.certPem,
  };
  return updateTrustedLists({ env });
}

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'tsl-pivots-'));
  server = await startDocServer();
  keys = {
    oj: makeSigner(dir, 'oj'),
    second: makeSigner(dir, 'second'),
    third: makeSigner(dir, 'third'),
    intruder: makeSigner(dir, 'intruder'),
    it: makeSigner(dir, 'it'),
  };
  const caDer = new Uint8Array(readFileSync(fx.pki.ca.certDer));
  server.set('/IT.xml', signWithXmlCrypto(memberList('IT', 1, caDer, [GRANTED_FOR_ESIG]), keys.it));
});

afterAll(async () => {
  await server?.close();
});

describe('pivot LOTLs', () => {
  it('follows two pivots, oldest first, from the configured keys to the key signing the current LOTL', async () => {
    // pivot 10 (signed with the Official Journal key) announces "second"; pivot 11 (signed by "second") announces "third"
    server.set('/pivot-10.xml', signWithXmlsec(dir, lotl(10, keys.second, [OJ]), keys.oj));
    server.set(
      '/pivot-11.xml',
      signWithXmlsec(dir, lotl(11, keys.third, [server.url('/pivot-10.xml'), OJ]), keys.second),
    );
    const pivots = [server.url('/pivot-11.xml'), server.url('/pivot-10.xml'), OJ];
    server.set('/lotl.xml', signWithXmlsec(dir, lotl(12, keys.third, pivots), keys.third));
    const r = await update(keys.oj);
    expect(r.lotl).toMatchObject({ ok: true, sequenceNumber: 12 });
    expect(r.lotl.signersOrigin).toContain(
      `pivots ${server.url('/pivot-10.xml')} ${server.url('/pivot-11.xml')}`,
    );
    expect(r.lists).toEqual([expect.objectContaining({ territory: 'IT', ok: true })]);
    // the keys of the current LOTL work directly, without pivots
    const direct = await update(keys.third);
    expect(direct.lotl.signersOrigin).toBe(`file:${keys.third.certPem}`);
  });

  it('a pivot not signed by the trusted keys breaks the chain', async () => {
    server.set('/pivot-10.xml', signWithXmlsec(dir, lotl(10, keys.third, [OJ]), keys.intruder));
    server.set(
      '/lotl.xml',
      signWithXmlsec(dir, lotl(12, keys.third, [server.url('/pivot-10.xml'), OJ]), keys.third),
    );
    await expect(update(keys.oj)).rejects.toMatchObject({ code: 'TSL_SIGNATURE_INVALID' });
  });

  it('a LOTL signed by a key no pivot announced is refused', async () => {
    server.set('/pivot-10.xml', signWithXmlsec(dir, lotl(10, keys.second, [OJ]), keys.oj));
    server.set(
      '/lotl.xml',
      signWithXmlsec(dir, lotl(12, keys.intruder, [server.url('/pivot-10.xml'), OJ]), keys.intruder),
    );
    await expect(update(keys.oj)).rejects.toMatchObject({ code: 'TSL_SIGNATURE_INVALID' });
  });
});
