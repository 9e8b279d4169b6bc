import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCertificate } from '../../electron/core/x509/cert-info';
import { pemToDers } from '../../electron/core/x509/pem';
import { REALWORLD as corpus } from '../support/realworld-corpus';

function certsOf(file: string): Uint8Array[] {
  const pem = execFileSync(
    'openssl',
    ['pkcs7', '-inform', 'DER', '-in', join(corpus, file), '-print_certs'],
    {
      encoding: 'utf8',
    },
  );
  return pemToDers(pem);
}

function opensslFingerprint(der: Uint8Array): string {
  const out = execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-fingerprint', '-sha256'], {
    input: der,
    encoding: 'utf8',
  });
  return (/=(.*)$/m.exec(out)?.[1] ?? '').replace(/:/g, '').toLowerCase();
}

describe.skipIf(!existsSync(corpus))('parseCertificate on real Italian certificates', () => {
  it.each([
    ['slamdunk-OK.txt.p7m', 'TSSFPP87C29E889R', 'Filippo Tessarotto'],
    ['fenet-IT02182030391_31.xml.p7m', 'GRDSFN66D17H199K', 'GARDINI STEFANO'],
    ['dss-plugtest-C-IT_INF-2.p7m', 'CPCFBA85H06H769H', 'Fabio Capocasa'],
  ])('%s: signer fiscal code %s', (file, fiscalCode, cn) => {
    const certs = certsOf(file).map((der) => ({ der, info: parseCertificate(der) }));
    const signer = certs.find((c) => c.info.subject.commonName === cn);
    expect(signer).toBeDefined();
    expect(signer?.info.subject.fiscalCode).toBe(fiscalCode);
    expect(signer?.info.role).toBe('signature');
    expect(signer?.info.fingerprintSha256).toBe(opensslFingerprint(signer?.der ?? new Uint8Array()));
    expect(signer?.info.keyType).toBe('rsa');
    expect(signer?.info.keySize).toBeGreaterThanOrEqual(1024);
  });

  it('every certificate in the Italian plugtest files parses, CAs flagged as CA', () => {
    const files = [
      'dss-plugtest-C-IT_INS-1.p7m',
      'dss-plugtest-C-IT_LOM-9.p7m',
      'dss-plugtest-C-IT_NAM-1.p7m',
    ];
    const infos = files.flatMap(certsOf).map((d) => parseCertificate(d));
    expect(infos.length).toBeGreaterThanOrEqual(6);
    const namirialCa = infos.find((i) => i.subject.commonName === 'Namirial CA Firma Qualificata');
    expect(namirialCa?.isCA).toBe(true);
    const massa = infos.filter((i) => i.subject.fiscalCode === 'MSSLNS66E20D643D');
    expect(massa.length).toBe(3);
  });
});
