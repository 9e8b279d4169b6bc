/** What Sigillo knows about a PKCS#11 token and its objects. Plain JSON (slotId as a decimal string). */
import type { CertInfo, CertRole } from '../x509/cert-info-types';

export interface PinStatus {
  /** CKF_*_PIN_COUNT_LOW: at least one wrong entry since the last good one */
  countLow: boolean;
  /** CKF_*_PIN_FINAL_TRY: one more wrong entry locks it */
  finalTry: boolean;
  /** CKF_*_PIN_LOCKED */
  locked: boolean;
  /** CKF_*_PIN_TO_BE_CHANGED */
  toBeChanged: boolean;
  /** user PIN: CKF_USER_PIN_INITIALIZED; SO PIN: CKF_TOKEN_INITIALIZED */
  initialized: boolean;
}

export interface TokenCertificate {
  /** CKA_ID, hex lower case */
  id: string;
  /** CKA_LABEL */
  label: string;
  role: CertRole;
  der: Uint8Array;
  info: CertInfo;
}

export interface TokenInfo {
  /** PKCS#11 slot id, decimal */
  slotId: string;
  slotDescription: string;
  label: string;
  manufacturer: string;
  model: string;
  serialNumber: string;
  /** CKF_LOGIN_REQUIRED */
  loginRequired: boolean;
  /** CKF_PROTECTED_AUTHENTICATION_PATH: the PIN is typed on the reader's pad */
  protectedAuthPath: boolean;
  userPin: PinStatus;
  /** the SO PIN: on a CNS this is the PUK */
  soPin: PinStatus;
  minPinLength: number;
  maxPinLength: number;
  /** certificates with a matching private key (same CKA_ID), signature first */
  certificates: TokenCertificate[];
  /** other certificates on the token (CA certificates), without a private key */
  caCertificates: TokenCertificate[];
}
