/** The trust anchors of one verification run, loaded once and shared by every file and signature. */
import { X509Certificate } from 'node:crypto';
import type { TrustAnchor, TrustSource } from './trust-source';

interface LoadedAnchor {
  anchor: TrustAnchor;
  x509: X509Certificate;
  spki: Buffer;
}

export class TrustStore {
  private readonly loaded: LoadedAnchor[];

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
    // the key is exported only when a subject matches, and each anchor's key once (at load): verifying a
    // batch of files against hundreds of trusted-list anchors must not export keys per anchor per call
    let key: Buffer | undefined;
    const fingerprint = cert.fingerprint256;
    for (const l of this.loaded) {
      const same =
        l.x509.fingerprint256 === fingerprint ||
        (l.x509.subject === cert.subject &&
          l.spki.equals((key ??= cert.publicKey.export({ type: 'spki', format: 'der' }))));
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
  return period ? { ...anchor, qualified: period.qualified } : undefined;
}
