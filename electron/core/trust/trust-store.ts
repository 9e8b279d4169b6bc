/** The trust anchors of one verification run, loaded once and shared by every file and signature. */
import { X509Certificate } from 'node:crypto';
import type { TrustAnchor, TrustSource } from './trust-source';

interface LoadedAnchor {
  anchor: TrustAnchor;
  x509: X509Certificate;
  spki: Buffer;
}

/** `key` → the positions (in load order) of the anchors with that key */
function indexBy(loaded: LoadedAnchor[], key: (l: LoadedAnchor) => string): Map<string, number[]> {
  const m = new Map<string, number[]>();
  loaded.forEach((l, i) => {
    const k = key(l);
    const at = m.get(k);
    if (at) at.push(i);
    else m.set(k, [i]);
  });
  return m;
}

/** a certificate's public key as SPKI DER, exported once per certificate (X509Certificates are shared by parseCert) */
const spkiMemo = new WeakMap<X509Certificate, Buffer>();

function spkiOf(cert: X509Certificate): Buffer {
  let spki = spkiMemo.get(cert);
  if (!spki) spkiMemo.set(cert, (spki = cert.publicKey.export({ type: 'spki', format: 'der' })));
  return spki;
}

export class TrustStore {
  private readonly loaded: LoadedAnchor[];
  /** anchors by SHA-256 fingerprint and by subject: a lookup does not walk hundreds of trusted-list anchors */
  private readonly byFingerprint: Map<string, number[]>;
  private readonly bySubject: Map<string, number[]>;

  constructor(anchors: TrustAnchor[]) {
    this.loaded = [];
    for (const anchor of anchors) {
      try {
        const x509 = new X509Certificate(anchor.der);
        this.loaded.push({ anchor, x509, spki: x509.publicKey.export({ type: 'spki', format: 'der' }) });
      } catch {
        // an unreadable anchor is skipped; sources validate their own input
      }
    }
    this.byFingerprint = indexBy(this.loaded, (l) => l.x509.fingerprint256);
    this.bySubject = indexBy(this.loaded, (l) => l.x509.subject);
  }

  static async fromSources(sources: TrustSource[], at?: Date): Promise<TrustStore> {
    const lists = await Promise.all(sources.map((s) => s.anchors(at)));
    return new TrustStore(lists.flat());
  }

  get anchors(): TrustAnchor[] {
    return this.loaded.map((l) => l.anchor);
  }

  /**
   * The anchor matching this certificate: same certificate, or same subject and same public key. With `at`,
   * an anchor that has trust periods (trusted lists) matches only inside one, with that period's qualified flag.
   */
  anchorFor(cert: X509Certificate, at?: Date): TrustAnchor | undefined {
    // the key is exported only when a subject matches, once per certificate, and each anchor's key once (at
    // load): a batch against hundreds of trusted-list anchors, or hundreds of look-alikes of an anchor's name
    // in one file, must not export keys per anchor per call
    const fingerprint = cert.fingerprint256;
    // the anchors that can match, in load order (the first match wins, as in a walk over all of them)
    const byPrint = this.byFingerprint.get(fingerprint) ?? [];
    const bySubject = this.bySubject.get(cert.subject) ?? [];
    const candidates =
      bySubject.length === 0 ? byPrint : [...new Set([...byPrint, ...bySubject])].sort((a, b) => a - b);
    for (const i of candidates) {
      const l = this.loaded[i] as LoadedAnchor;
      const same =
        l.x509.fingerprint256 === fingerprint ||
        (l.x509.subject === cert.subject && l.spki.equals(spkiOf(cert)));
      const anchor = same ? anchorAt(l.anchor, at) : undefined;
      if (anchor) return anchor;
    }
    return undefined;
  }
}

/** `anchor` as it stands at `at`: itself when it has no periods (or no time is given), else per its period. */
function anchorAt(anchor: TrustAnchor, at?: Date): TrustAnchor | undefined {
  if (!anchor.periods || !at) return anchor;
  const time = at.getTime();
  const period = anchor.periods.find((p) => p.from.getTime() <= time && (!p.to || time < p.to.getTime()));
  return period
    ? { ...anchor, qualified: period.qualified, qualifications: period.qualifications }
    : undefined;
}
