/**
 * KeySigner over a private key on a PKCS#11 token. RSA: CKM_SHA{256,384,512}_RSA_PKCS, or hashing in Node +
 * CKM_RSA_PKCS over the DigestInfo when the token lacks the combined mechanism. EC: hashing in Node + CKM_ECDSA,
 * raw r||s converted to DER. Signatures are serialised: one operation at a time on the session.
 */
import { createHash } from 'node:crypto';
import * as graphene from 'graphene-pk11';
import type { DigestName, KeySigner } from '../crypto/key-signer';
import { SigilloError, failure } from '../errors';
import { pkcs11Error } from './pkcs11-errors';
import { digestInfo, ecdsaRawToDer } from './signature-encoding';

const CKM = {
  RSA_PKCS: 0x1,
  SHA256_RSA_PKCS: 0x40,
  SHA384_RSA_PKCS: 0x41,
  SHA512_RSA_PKCS: 0x42,
  ECDSA: 0x1041,
} as const;

const COMBINED: Record<DigestName, number> = {
  sha256: CKM.SHA256_RSA_PKCS,
  sha384: CKM.SHA384_RSA_PKCS,
  sha512: CKM.SHA512_RSA_PKCS,
};

export interface TokenSignerParts {
  session: graphene.Session;
  key: graphene.PrivateKey;
  certificate: Uint8Array;
  chain: Uint8Array[];
  keyAlgorithm: 'rsa' | 'ec';
  /** mechanism numbers the token supports */
  mechanisms: Set<number>;
  /** the PIN again, for keys with CKA_ALWAYS_AUTHENTICATE (context-specific login); undefined otherwise */
  contextPin?: () => Buffer | undefined;
}

/** What to send to C_SignInit / C_Sign for a digest choice, and how to finish the result. */
export function signPlan(
  keyAlgorithm: 'rsa' | 'ec',
  mechanisms: Set<number>,
  digest: DigestName,
  data: Uint8Array,
): { mechanism: number; input: Uint8Array; finish: (raw: Uint8Array) => Uint8Array } {
  const hash = () => new Uint8Array(createHash(digest).update(data).digest());
  if (keyAlgorithm === 'ec') {
    return { mechanism: CKM.ECDSA, input: hash(), finish: ecdsaRawToDer };
  }
  if (mechanisms.has(COMBINED[digest])) return { mechanism: COMBINED[digest], input: data, finish: (r) => r };
  return { mechanism: CKM.RSA_PKCS, input: digestInfo(digest, hash()), finish: (r) => r };
}

export class TokenSigner implements KeySigner {
  readonly certificate: Uint8Array;
  readonly chain: Uint8Array[];
  readonly keyAlgorithm: 'rsa' | 'ec';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly parts: TokenSignerParts) {
    this.certificate = parts.certificate;
    this.chain = parts.chain;
    this.keyAlgorithm = parts.keyAlgorithm;
  }

  sign(digest: DigestName, data: Uint8Array): Promise<Uint8Array> {
    const run = this.queue.then(() => this.signNow(digest, data));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async signNow(digest: DigestName, data: Uint8Array): Promise<Uint8Array> {
    const { session, key, mechanisms, keyAlgorithm } = this.parts;
    const plan = signPlan(keyAlgorithm, mechanisms, digest, data);
    if (keyAlgorithm === 'ec' && !mechanisms.has(CKM.ECDSA)) throw unsupported();
    if (keyAlgorithm === 'rsa' && plan.mechanism === CKM.RSA_PKCS && !mechanisms.has(CKM.RSA_PKCS)) {
      throw unsupported();
    }
    let op: graphene.Sign;
    try {
      op = session.createSign(plan.mechanism as graphene.MechanismEnum, key);
      this.contextLogin();
    } catch (e) {
      throw pkcs11Error(e, 'C_SignInit');
    }
    const raw = await new Promise<Buffer>((resolve, reject) => {
      op.once(Buffer.from(plan.input), (err, sig) =>
        err ? reject(pkcs11Error(err, 'C_Sign')) : resolve(sig),
      );
    });
    return plan.finish(new Uint8Array(raw));
  }

  /** C_Login(CKU_CONTEXT_SPECIFIC) right after C_SignInit, for keys that ask for the PIN on every use. */
  private contextLogin(): void {
    const pin = this.parts.contextPin?.();
    if (!pin) return;
    this.parts.session.login(pin.toString('utf8'), graphene.UserType.CONTEXT_SPECIFIC);
  }
}

function unsupported(): SigilloError {
  return failure('MECHANISM_UNSUPPORTED:key');
}
