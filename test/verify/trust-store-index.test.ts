/**
 * TrustStore.anchorFor looks anchors up by fingerprint and by subject (issue 22: a batch must not walk hundreds
 * of trusted-list anchors per certificate per file). The answer must be the one of a walk over every anchor in
 * load order: same certificate, or same subject and same key, first match in order, trust periods honoured.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { TrustStore } from '../../electron/core/trust/trust-store';
import type { TrustAnchor } from '../../electron/core/trust/trust-source';

const fx = inject('fixture');
let dir = '';

function key(name: string): string {
  const out = join(dir, `${name}.key`);
  execFileSync('openssl', [
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-out',
    out,
  ]);
  return out;
}

/** a self-signed certificate (DER) with this subject and key; `serial` makes re-issues differ */
function cert(subject: string, keyFile: string, serial: number): Uint8Array {
  const out = join(dir, `c-${serial}.der`);
  execFileSync('openssl', [
    'req', '-x509', '-new', '-key', keyFile, '-subj', subject, '-days', '30',
    '-set_serial', String(serial), '-outform', 'DER', '-out', out,
  ]); // prettier-ignore
  return readFileSync(out);
}

/** the walk the index replaces: every anchor in load order */
function reference(anchors: TrustAnchor[], c: X509Certificate, at?: Date): TrustAnchor | undefined {
  const spki = c.publicKey.export({ type: 'spki', format: 'der' });
  for (const a of anchors) {
    const x = new X509Certificate(a.der);
    const same =
      x.fingerprint256 === c.fingerprint256 ||
      (x.subject === c.subject && x.publicKey.export({ type: 'spki', format: 'der' }).equals(spki));
    if (!same) continue;
    if (!a.periods || !at) return a;
    const p = a.periods.find((q) => q.from <= at && (!q.to || at < q.to));
    if (p) return { ...a, qualified: p.qualified };
  }
  return undefined;
}

let certs: Uint8Array[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'trust-index-'));
  const k1 = key('k1');
  const k2 = key('k2');
  certs = [
    cert('/CN=Same CA', k1, 1),
    cert('/CN=Same CA', k1, 2), // re-issued: same subject and key, another certificate
    cert('/CN=Same CA', k2, 3), // same subject, another key: no match for the others
    cert('/CN=Other CA', k1, 4), // same key, another subject: no match either
    readFileSync(fx.pki.root.certDer),
    readFileSync(fx.pki.ca.certDer),
  ];
});

describe('TrustStore: anchors looked up by fingerprint and subject', () => {
  it('answers as the walk over every anchor, whatever the order, with and without periods', () => {
    const before = new Date(Date.now() - 86_400_000);
    const now = new Date();
    const variants = (der: Uint8Array, i: number): TrustAnchor[] => [
      { der, source: `file:${i}` },
      {
        der,
        source: `tl:${i}`,
        periods: [{ from: before, to: new Date(now.getTime() - 1000), qualified: true }],
      },
      { der, source: `tl-now:${i}`, periods: [{ from: before, qualified: false }] },
    ];
    const all = certs.flatMap((der, i) => variants(der, i));
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 30; round++) {
      const anchors = [...all].sort(() => rand() - 0.5).slice(0, 4 + Math.floor(rand() * all.length));
      const store = new TrustStore(anchors);
      for (const der of certs) {
        const c = new X509Certificate(der);
        for (const at of [undefined, now, before]) {
          expect(store.anchorFor(c, at)).toEqual(reference(anchors, c, at));
        }
      }
    }
  });

  it('a re-issued anchor (same subject and key) matches; same subject with another key does not', () => {
    const store = new TrustStore([{ der: certs[0] as Uint8Array, source: 'file:a' }]);
    expect(store.anchorFor(new X509Certificate(certs[1] as Uint8Array))?.source).toBe('file:a');
    expect(store.anchorFor(new X509Certificate(certs[2] as Uint8Array))).toBeUndefined();
    expect(store.anchorFor(new X509Certificate(certs[3] as Uint8Array))).toBeUndefined();
  });
});
