/**
 * Reads a token without logging in: CK_TOKEN_INFO (labels, PIN flags, PIN lengths) and its certificates, split into
 * those with a key pair on the token (same CKA_ID as a private or public key) and the others (CA certificates).
 */
import * as graphene from 'graphene-pk11';
import { parseCertificate } from '../x509/cert-info';
import { hex } from '../cms/bytes';
import type { CertRole } from '../x509/cert-info-types';
import { guard } from './pkcs11-errors';
import { CKF, soPinStatus, userPinStatus } from './pin-status';
import type { TokenCertificate, TokenInfo } from './token-types';

const ROLE_ORDER: Record<CertRole, number> = { signature: 0, authentication: 1, other: 2 };

export function byRole(a: TokenCertificate, b: TokenCertificate): number {
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.id.localeCompare(b.id);
}

/** Slot ids are CK_ULONG bytes in host order (little-endian on the platforms we ship). */
export function slotIdOf(slot: graphene.Slot): string {
  const h = slot.handle;
  return h.length >= 8 ? h.readBigUInt64LE(0).toString() : h.length >= 4 ? String(h.readUInt32LE(0)) : hex(h);
}

function keyIds(session: graphene.Session): Set<string> {
  const ids = new Set<string>();
  for (const cls of [graphene.ObjectClass.PRIVATE_KEY, graphene.ObjectClass.PUBLIC_KEY]) {
    session.find({ class: cls }, (obj) => {
      const id = obj.getAttribute({ id: null }).id as Buffer | undefined;
      if (id) ids.add(hex(id));
    });
  }
  return ids;
}

function readCertificates(session: graphene.Session): TokenCertificate[] {
  const certs: TokenCertificate[] = [];
  session.find(
    { class: graphene.ObjectClass.CERTIFICATE, certType: graphene.CertificateType.X_509 },
    (obj) => {
      const a = obj.getAttribute({ id: null, label: null, value: null });
      const der = new Uint8Array(a.value as Buffer);
      try {
        const info = parseCertificate(der);
        certs.push({
          id: hex((a.id as Buffer | undefined) ?? Buffer.alloc(0)),
          label: a.label ?? '',
          role: info.role,
          der,
          info,
        });
      } catch {
        // an unreadable certificate object is left out rather than hiding the token
      }
    },
  );
  return certs;
}

/** Whether the slot holds an initialised token (SoftHSM always shows one empty slot). */
export function isTokenReady(slot: graphene.Slot): boolean {
  return (slot.getToken().flags & CKF.TOKEN_INITIALIZED) !== 0;
}

export function readTokenInfo(slot: graphene.Slot): TokenInfo {
  const token = guard('C_GetTokenInfo', () => slot.getToken());
  const session = guard('C_OpenSession', () => slot.open(graphene.SessionFlag.SERIAL_SESSION));
  try {
    const all = guard('C_FindObjects', () => readCertificates(session));
    const ids = guard('C_FindObjects', () => keyIds(session));
    // a token that shows no key objects before login: end-entity certificates are taken as having keys
    const hasKey = (c: TokenCertificate) => (ids.size > 0 ? ids.has(c.id) : !c.info.isCA);
    return {
      slotId: slotIdOf(slot),
      slotDescription: slot.slotDescription.trim(),
      label: token.label.trim(),
      manufacturer: token.manufacturerID.trim(),
      model: token.model.trim(),
      serialNumber: token.serialNumber.trim(),
      loginRequired: (token.flags & CKF.LOGIN_REQUIRED) !== 0,
      protectedAuthPath: (token.flags & CKF.PROTECTED_AUTHENTICATION_PATH) !== 0,
      userPin: userPinStatus(token.flags),
      soPin: soPinStatus(token.flags),
      minPinLength: token.minPinLen,
      maxPinLength: token.maxPinLen,
      certificates: all.filter(hasKey).sort(byRole),
      caCertificates: all.filter((c) => !hasKey(c)),
    };
  } finally {
    session.close();
  }
}
