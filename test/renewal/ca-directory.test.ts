import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../../electron/core/i18n/translate';
import { detectCa, renewalUrls, RENEWAL_SITES } from '../../electron/core/renewal/ca-directory';
import { renewalStatus } from '../../electron/core/renewal/renewal-rules';
import { makeCert } from './make-cert';
import { REALWORLD as CORPUS } from '../support/realworld-corpus';

beforeEach(() => setLang('en'));

const name = (dn: string, organization?: string, commonName?: string) => ({ dn, organization, commonName });

describe('CA detection from the issuer', () => {
  it.each([
    [
      name(
        'C=IT, O=InfoCamere S.C.p.A., CN=InfoCamere Qualified Electronic Signature CA',
        'InfoCamere S.C.p.A.',
        'InfoCamere Qualified Electronic Signature CA',
      ),
      'infocamere',
    ],
    [name('C=IT, O=INFOCAMERE SCPA, CN=InfoCamere Firma Digitale'), 'infocamere'],
    [
      name(
        'C=IT, O=ArubaPEC S.p.A., OU=Certification AuthorityC, CN=ArubaPEC S.p.A. NG CA 3',
        'ArubaPEC S.p.A.',
        'ArubaPEC S.p.A. NG CA 3',
      ),
      'aruba',
    ],
    [name('C=IT, L=Arezzo, O=ArubaPEC S.p.A., CN=ArubaPEC EU Qualified Certificates CA G1'), 'aruba'],
    [name('C=IT, O=Aruba S.p.A., CN=Aruba CA'), 'aruba'],
    [
      name(
        'C=IT, O=INFOCERT SPA, OU=Certificatore Accreditato, CN=InfoCert Firma Qualificata 2',
        'INFOCERT SPA',
        'InfoCert Firma Qualificata 2',
      ),
      'infocert',
    ],
    [name('C=IT, O=Sigillo Test, CN=Sigillo Test Qualified CA'), 'unknown'],
    [name('C=IT, O=Namirial S.p.A., CN=Namirial CA Firma Qualificata'), 'unknown'],
  ] as const)('%o → %s', (issuer, ca) => {
    expect(detectCa(issuer)).toBe(ca);
  });
});

describe('renewal URLs', () => {
  it('InfoCamere devices (from 2020-12-02) use id.infocamere.it', () => {
    expect(renewalUrls('infocamere')).toEqual({
      renewal: 'https://id.infocamere.it/infocamere/firma_digitale/rinnovo',
      suspension: 'https://id.infocamere.it/infocamere/firma_digitale/sospensione_e_riattivazione',
      revocation: 'https://id.infocamere.it/infocamere/firma_digitale/revoca',
    });
  });
  it('older ArubaPEC / InfoCert devices use card.infocamere.it', () => {
    const legacy = {
      renewal: 'https://www.card.infocamere.it',
      suspension: 'https://card.infocamere.it/infocard/pub/richiesta-sospensione_5621',
      revocation: 'https://card.infocamere.it/infocard/pub/richiesta-revoca_5627',
    };
    expect(renewalUrls('aruba')).toEqual(legacy);
    expect(renewalUrls('infocert')).toEqual(legacy);
  });
  it('an unknown CA gets no URL and a message pointing to the issuer', () => {
    expect(renewalUrls('unknown')).toBeNull();
    const c = makeCert({ issuer: name('CN=Other CA'), notAfter: '2026-12-31T22:59:59Z' });
    const s = renewalStatus(c, new Date('2026-12-01T12:00:00Z'));
    expect(s).toMatchObject({ ca: 'unknown', urls: null, state: 'renewable' });
    expect(s.message).toContain('ask the certificate issuer');
  });
  it('lists the six sites for the allow-list, all https', () => {
    expect(RENEWAL_SITES).toHaveLength(6);
    for (const u of RENEWAL_SITES) expect(new URL(u).protocol).toBe('https:');
  });
});

describe.skipIf(!existsSync(CORPUS))('CA detection on issuers of real signed files', () => {
  /** issuer lines of every certificate in a p7m, as openssl prints them */
  function issuers(file: string): string[] {
    const text = execFileSync(
      'openssl',
      ['pkcs7', '-inform', 'DER', '-in', join(CORPUS, file), '-print_certs', '-noout'],
      {
        encoding: 'utf8',
      },
    );
    return text
      .split('\n')
      .filter((l) => l.startsWith('issuer='))
      .map((l) => l.slice('issuer='.length));
  }
  it.each([
    ['slamdunk-OK.txt.p7m', ['aruba']],
    ['fenet-IT02182030391_31.xml.p7m', ['infocert']],
    ['dss-plugtest-C-IT_INS-1.p7m', ['aruba', 'infocert']],
  ] as const)('%s', (file, expected) => {
    const found = new Set(issuers(file).map((dn) => detectCa({ dn })));
    expect([...found].sort()).toEqual([...expected].sort());
  });
});
