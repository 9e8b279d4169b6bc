import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { refreshTrustedListsIfStale } from '../../electron/core/tsl/tsl-refresh';
import { trustedListSource } from '../../electron/core/tsl/tsl-trust-source';
import { makeSigner, signWithXmlCrypto, signWithXmlsec, type TestSigner } from './support/xml-signers';
import { startDocServer, type DocServer } from './support/tsl-server';
import { daysFromNow, GRANTED_FOR_ESIG, lotlList, memberList } from './support/cli-scenario';

const fx = inject('fixture');
let dir = '';
let server: DocServer;
let lotlSigner: TestSigner;
let itSigner: TestSigner;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'tsl-refresh-'));
  server = await startDocServer();
  lotlSigner = makeSigner(dir, 'lotl');
  itSigner = makeSigner(dir, 'it');
  const caDer = new Uint8Array(readFileSync(fx.pki.ca.certDer));
  server.set('/IT.xml', signWithXmlCrypto(memberList('IT', 1, caDer, [GRANTED_FOR_ESIG]), itSigner));
  const lotl = lotlList(
    1,
    [{ territory: 'IT', location: server.url('/IT.xml'), certificates: [itSigner.der] }],
    {
      next: daysFromNow(30),
    },
  );
  server.set('/lotl.xml', signWithXmlsec(dir, lotl, lotlSigner));
  env = {
    SIGILLO_DATA_DIR: join(dir, 'data'),
    SIGILLO_LOTL_URL: server.url('/lotl.xml'),
    SIGILLO_LOTL_TRUST: lotlSigner.certPem,
  };
});

afterAll(async () => {
  await server?.close();
});

describe('background refresh and the trust source', () => {
  it('refreshes an empty cache, then leaves a fresh one alone (no download)', async () => {
    const first = await refreshTrustedListsIfStale(env);
    expect(first.refreshed).toBe(true);
    expect(server.hits['/lotl.xml']).toBe(1);
    const second = await refreshTrustedListsIfStale(env);
    expect(second).toEqual({ refreshed: false, reason: 'fresh' });
    expect(server.hits['/lotl.xml']).toBe(1);
  });

  it('refreshes again once the lists are past their next update', async () => {
    const later = await refreshTrustedListsIfStale(env, daysFromNow(200));
    expect(later.refreshed).toBe(true);
    expect(server.hits['/lotl.xml']).toBe(2);
  });

  it('a failed refresh is reported, not thrown', async () => {
    const bad = {
      ...env,
      SIGILLO_DATA_DIR: join(dir, 'other'),
      SIGILLO_LOTL_URL: server.url('/missing.xml'),
    };
    const r = await refreshTrustedListsIfStale(bad);
    expect(r).toMatchObject({ refreshed: false, reason: 'failed', error: { code: 'TSL_DOWNLOAD_FAILED' } });
  });

  it('the trust source gives the CA as a qualified anchor at a time inside its granted period only', async () => {
    const source = trustedListSource(env);
    const caFp = Buffer.from(readFileSync(fx.pki.ca.certDer)).toString('base64');
    const now = await source.anchors(new Date());
    expect(now.map((a) => [Buffer.from(a.der).toString('base64') === caFp, a.source, a.qualified])).toEqual([
      [true, 'tl:IT', true],
    ]);
    expect(await source.anchors(daysFromNow(-1000))).toEqual([]);
  });
});
