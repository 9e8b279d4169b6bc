/** A logged-in session on one token: hands out KeySigners for its keys; logout() ends it and forgets the PIN. */
import * as graphene from 'graphene-pk11';
import type { KeySigner } from '../crypto/key-signer';
import { failure } from '../errors';
import { fromHex } from '../x509/hex';
import { guard } from './pkcs11-errors';
import { chooseCertificateIn } from './selection';
import { TokenSigner } from './token-signer';
import type { TokenInfo } from './token-types';

export class Pkcs11Session {
  private open = true;

  constructor(
    readonly token: TokenInfo,
    private readonly session: graphene.Session,
    private readonly mechanisms: Set<number>,
    /** a copy of the PIN kept only when a key needs a context-specific login; zeroed on logout */
    private contextPin: Buffer | undefined,
    private readonly onEnd: (s: Pkcs11Session) => void,
  ) {}

  get isOpen(): boolean {
    return this.open;
  }

  /** A signer for the certificate with CKA_ID certId (hex); by default the token's signature certificate. */
  signer(certId?: string): KeySigner {
    if (!this.open) {
      throw failure('SESSION_CLOSED:session');
    }
    const cert = chooseCertificateIn(this.token, certId);
    const key = guard('C_FindObjects', () => {
      const found = this.session.find({
        class: graphene.ObjectClass.PRIVATE_KEY,
        id: Buffer.from(fromHex(cert.id) ?? []),
      });
      return found.length > 0 ? found.items(0).toType<graphene.PrivateKey>() : undefined;
    });
    if (!key) {
      throw failure('KEY_NOT_FOUND', { id: cert.id });
    }
    const keyAlgorithm = cert.info.keyType === 'ec' ? 'ec' : 'rsa';
    return new TokenSigner({
      session: this.session,
      key,
      certificate: cert.der,
      chain: this.token.caCertificates.filter((c) => c.info.isCA).map((c) => c.der),
      keyAlgorithm,
      mechanisms: this.mechanisms,
      contextPin: () => this.contextPin,
    });
  }

  /** Logs out and closes the session; safe to call twice. */
  logout(): void {
    if (!this.open) return;
    this.open = false;
    this.contextPin?.fill(0);
    this.contextPin = undefined;
    try {
      this.session.logout();
    } catch {
      // a removed card or an already-closed session is logged out anyway
    }
    try {
      this.session.close();
    } catch {
      // same
    }
    this.onEnd(this);
  }
}
