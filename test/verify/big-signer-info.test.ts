/**
 * A SignerInfo bigger than a few of the streaming reader's pooled 1 MiB read buffers (an unsigned attribute of
 * several MB: a large CA CRL in revocation-values, some vendor's data): its captured bytes must be the file's. The header of a
 * captured element was a view into a pooled buffer, reused while the element's value was still being read, so
 * such a SignerInfo came out with other bytes in place of its header and the signature was "unreadable".
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { readSignedData } from '../../electron/core/cms/signed-data-reader';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import { makeTsaPki, type TsaPki } from '../support/tsa-server';
import { attribute } from '../../electron/core/cms/signed-attributes';
import { octetString } from '../../electron/core/cms/der';
import { datedLeaf, withFirstSignerAttribute, withRevocationValues } from './support/dated-pki';

const fx = inject('fixture');
const DAY = 24 * 3600e3;
let pki: TsaPki;
let dir = '';
let p7m = '';

const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

/** the root's CRL of now, DER */
function rootCrl(): Uint8Array {
  const ca = ['-config', pki.config, '-keyfile', join(dir, 'root.key.pem'), '-cert', pki.rootPem];
  openssl(['ca', '-gencrl', ...ca, '-crldays', '30', '-out', 'root.crl.pem']);
  openssl(['crl', '-in', 'root.crl.pem', '-outform', 'DER', '-out', 'root.crl']);
  return new Uint8Array(readFileSync(join(dir, 'root.crl')));
}

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'big-signer-info-'));
  pki = makeTsaPki(dir);
  const leaf = datedLeaf(pki, 'signer', {
    start: new Date(Date.now() - 100 * DAY),
    end: new Date(Date.now() + 300 * DAY),
  });
  const doc = join(dir, 'contratto.txt');
  writeFileSync(doc, 'Contratto: pagare 100 EUR\n');
  p7m = `${doc}.p7m`;
  const key = ['-signer', leaf.certPem, '-inkey', leaf.keyPem, '-outform', 'DER', '-out', p7m];
  openssl(['cms', '-sign', '-binary', '-nodetach', '-cades', '-md', 'sha256', '-in', doc, ...key]);
  // CAdES-LT's revocation values, then an attribute of some other kind of 3.6 MB (a verifier ignores it)
  const lt = withRevocationValues(new Uint8Array(readFileSync(p7m)), [rootCrl()]);
  const big = octetString(randomBytes(3_600_000));
  writeFileSync(
    p7m,
    withFirstSignerAttribute(lt, () => attribute('1.3.6.1.4.1.99999.1', big)),
  );
}, 120_000);

describe('a SignerInfo of several MiB read from a DER file', () => {
  it('is captured with the bytes of the file', async () => {
    const file = new Uint8Array(readFileSync(p7m));
    const { signerInfos } = await readSignedData(p7m, { reuseReads: true });
    expect(signerInfos).toHaveLength(1);
    const si = signerInfos[0]!;
    expect(si.length).toBeGreaterThan(3_500_000);
    // the SignerInfo is the file's last element but the SET's end and the wrappers' (all definite lengths)
    const at = Buffer.from(file).indexOf(Buffer.from(si.subarray(0, 64)));
    expect(at).toBeGreaterThan(0);
    expect(Buffer.from(file.subarray(at, at + si.length)).equals(Buffer.from(si))).toBe(true);
  });

  it('verifies (TOTAL_PASSED), as openssl does', async () => {
    openssl(['cms', '-verify', '-inform', 'DER', '-in', p7m, '-CAfile', pki.rootPem, '-purpose', 'any']);
    const trust = new TrustStore(await readTrustFile(pki.rootPem));
    const revocation = createRevocationChecker({ offline: true, cacheDir: null });
    const r = await verifyFile(p7m, { trust, revocation });
    expect(r.error).toBeNull();
    const s = r.signatures[0]!;
    expect(s.messages.join(' ')).not.toMatch(/Unreadable/);
    expect([s.integrity, s.indication]).toEqual(['valid', 'TOTAL_PASSED']);
  });
});
