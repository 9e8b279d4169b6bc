import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  builtInSigners,
  lotlSigners,
  officialJournalDer,
  readSignersFile,
} from '../../electron/core/tsl/lotl-signers';
import { updateTrustedLists } from '../../electron/core/tsl/tsl-update';
import { makeSigner, signWithXmlCrypto, signWithXmlsec, type TestSigner } from './support/xml-signers';
import { startDocServer, type DocServer } from './support/tsl-server';
import { daysFromNow, GRANTED_FOR_ESIG, lotlList, memberList } from './support/cli-scenario';
import type { TslSpec } from './support/tsl-xml';
import { opensslFacts, type OpensslFacts } from '../support/openssl-facts';

const fx = inject('fixture');
let dir = '';
let server: DocServer;
let runs = 0;

/** `openssl x509` on one DER certificate (written to a file first). */
function opensslOn(der: Uint8Array): OpensslFacts {
  const file = join(dir, `oj-${runs++}.der`);
  writeFileSync(file, der);
  return opensslFacts(file);
}

function lotlSpec(itSigner: TestSigner): TslSpec {
  const it = { territory: 'IT', location: server.url('/IT.xml'), certificates: [itSigner.der] };
  return lotlList(1, [it], { next: daysFromNow(30) });
}

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'tsl-oj-'));
  server = await startDocServer();
});

afterAll(async () => {
  await server?.close();
});

describe('built-in Official Journal LOTL-signing certificates', () => {
  it('the shipped set is non-empty, each entry parses and matches its recorded fingerprint and facts', () => {
    const file = readSignersFile();
    expect(file.certificates.length).toBeGreaterThan(0);
    expect(file.sources.join(' ')).toContain('OJ C 276, 16.8.2019');
    const seen = new Set<string>();
    for (const entry of file.certificates) {
      const der = officialJournalDer(entry);
      const facts = opensslOn(der);
      expect(facts.fingerprint).toBe(entry.sha256);
      expect(createHash('sha256').update(der).digest('hex')).toBe(entry.sha256);
      expect(facts.serial).toBe(entry.serialNumber.toLowerCase());
      expect(facts.notBefore).toBe(entry.notBefore);
      expect(facts.notAfter).toBe(entry.notAfter);
      expect(new X509Certificate(der).subject.split('\n').join(', ')).toBe(entry.subject);
      seen.add(entry.sha256);
    }
    expect(seen.size).toBe(file.certificates.length);
  });

  it('a damaged entry is refused, not used', () => {
    const entry = readSignersFile().certificates[0];
    if (!entry) throw new Error('empty set');
    const flipped = entry.sha256.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(() => officialJournalDer({ ...entry, sha256: flipped })).toThrow(
      expect.objectContaining({ code: 'LOTL_TRUST_CORRUPT' }),
    );
    const body = entry.pem.split('\n');
    body[3] = (body[3] ?? '').replace(/[A-Z]/, (c) => (c === 'A' ? 'B' : 'A'));
    expect(() => officialJournalDer({ ...entry, pem: body.join('\n') })).toThrow(
      expect.objectContaining({ code: 'LOTL_TRUST_CORRUPT' }),
    );
  });

  it('are the default LOTL signers; SIGILLO_LOTL_TRUST replaces them', () => {
    const shipped = builtInSigners().certificates;
    const byDefault = lotlSigners({});
    expect(byDefault.origin).toBe('official-journal');
    expect(byDefault.certificates).toEqual(shipped);
    const own = makeSigner(dir, 'own');
    const replaced = lotlSigners({ SIGILLO_LOTL_TRUST: own.certPem });
    expect(replaced.origin).toBe(`file:${own.certPem}`);
    expect(replaced.certificates.map((c) => Buffer.from(c).toString('hex'))).toEqual([
      Buffer.from(own.der).toString('hex'),
    ]);
  });

  it('without SIGILLO_LOTL_TRUST, a LOTL signed by another key is checked against them and refused', async () => {
    const itSigner = makeSigner(dir, 'it-default');
    const stranger = makeSigner(dir, 'stranger');
    server.set('/lotl-stranger.xml', signWithXmlsec(dir, lotlSpec(itSigner), stranger));
    const env = {
      SIGILLO_DATA_DIR: join(dir, 'data-default'),
      SIGILLO_LOTL_URL: server.url('/lotl-stranger.xml'),
    };
    await expect(updateTrustedLists({ env })).rejects.toMatchObject({
      code: 'TSL_SIGNATURE_INVALID',
      details: { reason: expect.stringContaining('no allowed certificate verifies it') },
    });
  });
});

describe('LOTL-signing certificates are trust anchors whatever their validity period', () => {
  it('a LOTL signed with the key of an expired certificate verifies with that certificate', async () => {
    const expired = fx.pki.expiredSignature;
    expect(new Date(new X509Certificate(readFileSync(expired.certPem)).validTo).getTime()).toBeLessThan(
      Date.now(),
    );
    const signer: TestSigner = {
      keyPem: expired.keyPem,
      certPem: expired.certPem,
      der: new Uint8Array(readFileSync(expired.certDer)),
    };
    const itSigner = makeSigner(dir, 'it-expired');
    const caDer = new Uint8Array(readFileSync(fx.pki.ca.certDer));
    server.set('/IT.xml', signWithXmlCrypto(memberList('IT', 1, caDer, [GRANTED_FOR_ESIG]), itSigner));
    server.set('/lotl-expired.xml', signWithXmlsec(dir, lotlSpec(itSigner), signer));
    const env = {
      SIGILLO_DATA_DIR: join(dir, 'data-expired'),
      SIGILLO_LOTL_URL: server.url('/lotl-expired.xml'),
      SIGILLO_LOTL_TRUST: expired.certPem,
    };
    const r = await updateTrustedLists({ env });
    expect(r.lotl).toMatchObject({ ok: true, sequenceNumber: 1, signersOrigin: `file:${expired.certPem}` });
    expect(r.lists).toEqual([expect.objectContaining({ territory: 'IT', ok: true })]);
  });
});
