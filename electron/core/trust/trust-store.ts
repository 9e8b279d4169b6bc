/** The trust anchors of one verification run, loaded once and shared by every file and signature. */
import { X509Certificate } from 'node:crypto';
import type { TrustAnchor, TrustSource } from './trust-source';

interface LoadedAnchor {
  anchor: TrustAnchor;
  x509: X509Certificate;
}

export class TrustStore {
  private readonly loaded: LoadedAnchor[];

  constructor(anchors: TrustAnchor[]) {
    this.loaded = [];
    for (const anchor of anchors) {
      try {
        this.loaded.push({ anchor, x509: new X509Certificate(anchor.der) });
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
    const key = cert.publicKey.export({ type: 'spki', format: 'der' });
    for (const l of this.loaded) {
      const same =
        l.x509.fingerprint256 === cert.fingerprint256 ||
        (l.x509.subject === cert.subject &&
          l.x509.publicKey.export({ type: 'spki', format: 'der' }).equals(key));
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
