import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { verifyJson } from '../support/verify-json';
import type { ListResult as ListJson, UpdateResult } from '../../electron/core/tsl/tsl-update';
import { tslXml, type TslSpec } from './support/tsl-xml';
import { makeSigner, signWithXmlCrypto, signWithXmlsec, type TestSigner } from './support/xml-signers';
import { startDocServer, type DocServer } from './support/tsl-server';
import {
  daysFromNow,
  fixtureCrl,
  GRANTED_FOR_ESIG,
  lotlList,
  memberList,
  seedRevocationCache,
  signedP7m,
} from './support/cli-scenario';

const fx = inject('fixture');
let dir = '';
let server: DocServer;
let lotlSigner: TestSigner;
let itSigner: TestSigner;
let frSigner: TestSigner;
let intruder: TestSigner;
let caDer: Uint8Array;
let p7m = '';
let crl: Uint8Array;

function lotlSpec(sequence: number, itPath: string): TslSpec {
  return lotlList(sequence, [
    { territory: 'IT', location: server.url(itPath), certificates: [itSigner.der] },
    {
      territory: 'IT',
      location: server.url('/TL/TSL-IT.pdf'),
      certificates: [itSigner.der],
      mimeType: 'application/pdf',
    },
    { territory: 'FR', location: server.url('/TL/TSL-FR.xml'), certificates: [frSigner.der] },
  ]);
}

function env(name: string, lotlPath = '/lotl.xml'): NodeJS.ProcessEnv {
  return {
    SIGILLO_DATA_DIR: join(dir, name),
    SIGILLO_LOTL_URL: server.url(lotlPath),
    SIGILLO_LOTL_TRUST: lotlSigner.certPem,
    LANG: 'en_US.UTF-8',
  };
}

async function verifyP7m(e: NodeJS.ProcessEnv, extra: string[] = []) {
  const r = await verifyJson(['--offline', ...extra, p7m], e);
  return { code: r.code, stderr: r.stderr, sig: r.files[0]?.signatures[0] };
}

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'tsl-cli-'));
  server = await startDocServer();
  [lotlSigner, itSigner, frSigner, intruder] = ['lotl', 'it', 'fr', 'intruder'].map((n) =>
    makeSigner(dir, `${n}-signer`),
  ) as [TestSigner, TestSigner, TestSigner, TestSigner];
  caDer = new Uint8Array(readFileSync(fx.pki.ca.certDer));
  server.set('/TL/TSL-IT.xml', signWithXmlCrypto(memberList('IT', 5, caDer, [GRANTED_FOR_ESIG]), itSigner));
  server.set('/TL/TSL-FR.xml', signWithXmlsec(dir, memberList('FR', 2, caDer, [GRANTED_FOR_ESIG]), intruder));
  server.set('/lotl.xml', signWithXmlsec(dir, lotlSpec(300, '/TL/TSL-IT.xml'), lotlSigner));
  // the Italian CA withdrawn yesterday, i.e. before the signature made today
  const withdrawn = memberList(
    'IT',
    6,
    caDer,
    [{ status: 'withdrawn', start: daysFromNow(-1) }, GRANTED_FOR_ESIG],
    daysFromNow(-1),
  );
  server.set('/TL/TSL-IT-withdrawn.xml', signWithXmlCrypto(withdrawn, itSigner));
  server.set(
    '/lotl-withdrawn.xml',
    signWithXmlsec(dir, lotlSpec(301, '/TL/TSL-IT-withdrawn.xml'), lotlSigner),
  );
  const lotl = server.url('/TL/TSL-IT.xml');
  server.set(
    '/lotl-tampered.xml',
    signWithXmlsec(dir, lotlSpec(302, '/TL/TSL-IT.xml'), lotlSigner).replace(
      lotl,
      server.url('/TL/TSL-XX.xml'),
    ),
  );
  p7m = signedP7m(dir, fx.pki);
  crl = fixtureCrl(dir, fx.pki);
  for (const name of ['granted', 'withdrawn']) await seedRevocationCache(join(dir, name), fx.pki, crl);
});

afterAll(async () => {
  await server?.close();
});

describe('sigillo trust update / status and verify with trusted lists', () => {
  it('update: LOTL verified with SIGILLO_LOTL_TRUST, IT list verified and saved, FR signed by another key rejected', async () => {
    const r = await runCli(['trust', 'update', '--json'], env('granted'));
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      lotl: UpdateResult['lotl'];
      lists: ListJson[];
    };
    expect(out.lotl).toMatchObject({ territory: 'EU', ok: true, sequenceNumber: 300, error: null });
    expect(out.lotl.signer).toContain('CN=lotl-signer');
    expect(out.lotl.signersOrigin).toBe(`file:${lotlSigner.certPem}`);
    const it = out.lists.find((l) => l.territory === 'IT');
    expect(it).toMatchObject({ ok: true, sequenceNumber: 5, services: 1, error: null });
    const fr = out.lists.find((l) => l.territory === 'FR');
    expect(fr).toMatchObject({ ok: false, error: { code: 'TSL_SIGNATURE_INVALID' } });
    expect(out.lists).toHaveLength(2);
    expect(server.hits['/TL/TSL-IT.pdf']).toBeUndefined();
  });

  it('status: sequence number, dates, anchors, not stale, the FR failure remembered; never uses the network', async () => {
    const before = { ...server.hits };
    const r = await runCli(['trust', 'status', '--json'], env('granted'));
    expect(r.code).toBe(0);
    const st = JSON.parse(r.stdout) as {
      stale: boolean;
      lotl: { sequenceNumber: number; stale: boolean };
      lists: (ListJson & { anchors: number; stale: boolean })[];
      failures: { territory: string; code: string }[];
    };
    expect(st.stale).toBe(false);
    expect(st.lotl).toMatchObject({ sequenceNumber: 300, stale: false });
    expect(st.lists).toHaveLength(1);
    expect(st.lists[0]).toMatchObject({ territory: 'IT', sequenceNumber: 5, anchors: 1, stale: false });
    expect(Date.parse(st.lists[0]?.nextUpdate ?? '')).toBeGreaterThan(Date.now());
    expect(st.failures).toEqual([
      expect.objectContaining({ territory: 'FR', code: 'TSL_SIGNATURE_INVALID' }),
    ]);
    expect(server.hits).toEqual(before);
    const text = await runCli(['trust', 'status'], env('granted'));
    expect(text.stdout).toMatch(/IT\s+no\. 5, issued/);
  });

  it('verify: the CA granted in the Italian list makes the CNS signature pass as qualified; --no-tsl does not', async () => {
    const withTsl = await verifyP7m(env('granted'));
    expect(withTsl.sig).toMatchObject({ indication: 'TOTAL_PASSED', subIndication: null, qualified: true });
    expect(withTsl.sig?.chain.at(-1)?.trustSource).toBe('tl:IT');
    expect(withTsl.code).toBe(0);
    const without = await verifyP7m(env('granted'), ['--no-tsl']);
    expect(without.sig).toMatchObject({
      indication: 'INDETERMINATE',
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
    });
    expect(without.code).toBe(1);
  });

  it('a service withdrawn before the signing time is no trust anchor; a stale list is reported', async () => {
    const up = await runCli(['trust', 'update', '--json'], env('withdrawn', '/lotl-withdrawn.xml'));
    expect(JSON.parse(up.stdout).lists.find((l: ListJson) => l.territory === 'IT')).toMatchObject({
      ok: true,
      sequenceNumber: 6,
    });
    const v = await verifyP7m(env('withdrawn', '/lotl-withdrawn.xml'));
    expect(v.sig).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('Stale trusted lists');
    const st = await runCli(['trust', 'status'], env('withdrawn'));
    expect(st.code).toBe(1);
    expect(st.stderr).toMatch(/Stale trusted lists.*IT/);
  });

  it('an older list than the saved one is refused (rollback) and the saved one kept', async () => {
    server.set('/TL/TSL-IT.xml', signWithXmlCrypto(memberList('IT', 4, caDer, [GRANTED_FOR_ESIG]), itSigner));
    server.set('/lotl.xml', signWithXmlsec(dir, lotlSpec(303, '/TL/TSL-IT.xml'), lotlSigner));
    const r = await runCli(['trust', 'update', '--json'], env('granted'));
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { lists: ListJson[] };
    expect(out.lists.find((l) => l.territory === 'IT')).toMatchObject({
      ok: false,
      error: { code: 'TSL_ROLLBACK' },
    });
    const st = JSON.parse((await runCli(['trust', 'status', '--json'], env('granted'))).stdout) as {
      lists: ListJson[];
    };
    expect(st.lists[0]).toMatchObject({ territory: 'IT', sequenceNumber: 5 });
  });

  it('a tampered LOTL, or one signed by a key not allowed, is rejected and nothing is saved', async () => {
    const tampered = await runCli(['trust', 'update', '--json'], env('tampered', '/lotl-tampered.xml'));
    expect(tampered.code).toBe(1);
    expect(JSON.parse(tampered.stdout)).toMatchObject({ error: { code: 'TSL_SIGNATURE_INVALID' } });
    const wrongTrust = { ...env('wrong-trust'), SIGILLO_LOTL_TRUST: intruder.certPem };
    const wrong = await runCli(['trust', 'update', '--json'], wrongTrust);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ error: { code: 'TSL_SIGNATURE_INVALID' } });
    const builtIn = { ...env('built-in'), SIGILLO_LOTL_TRUST: '' };
    const noTrust = await runCli(['trust', 'update', '--json'], builtIn);
    expect(noTrust.code).toBe(1);
    // the built-in Official Journal certificates are used, and they did not sign this test LOTL
    expect(JSON.parse(noTrust.stdout)).toMatchObject({ error: { code: 'TSL_SIGNATURE_INVALID' } });
    for (const name of ['tampered', 'wrong-trust', 'built-in']) {
      expect(existsSync(join(dir, name, 'trusted-lists', 'lotl.json'))).toBe(false);
    }
    const st = await runCli(['trust', 'status'], env('tampered'));
    expect(st.code).toBe(1);
    expect(st.stdout).toContain('No trusted list saved');
  });

  it('a DOCTYPE in a downloaded list is refused as malformed', async () => {
    const xml = tslXml(memberList('IT', 9, caDer, [GRANTED_FOR_ESIG])).replace(
      '?>',
      '?><!DOCTYPE x [<!ENTITY e "e">]>',
    );
    server.set('/lotl-doctype.xml', xml);
    const r = await runCli(['trust', 'update', '--json'], env('doctype', '/lotl-doctype.xml'));
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'TSL_MALFORMED' } });
  });
});
