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

  /** The anchor matching this certificate: same certificate, or same subject and same public key. */
  anchorFor(cert: X509Certificate): TrustAnchor | undefined {
    const key = cert.publicKey.export({ type: 'spki', format: 'der' });
    for (const l of this.loaded) {
      if (l.x509.fingerprint256 === cert.fingerprint256) return l.anchor;
      if (
        l.x509.subject === cert.subject &&
        l.x509.publicKey.export({ type: 'spki', format: 'der' }).equals(key)
      ) {
        return l.anchor;
      }
    }
    return undefined;
  }
}
