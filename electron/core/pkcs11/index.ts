/** The PKCS#11 layer's public surface. */
export { Pkcs11Service } from './pkcs11-service';
export { Pkcs11Session } from './pkcs11-session';
export { findPkcs11Module, MODULE_ENV, type ModuleQuery } from './module-discovery';
export { builtinModuleLocations } from './module-locations';
export {
  pinWarning,
  triesLeft,
  userPinStatus,
  soPinStatus,
  PIN_MESSAGES,
  type TriesLeft,
} from './pin-status';
export { pkcs11Error, guard, ckrName } from './pkcs11-errors';
export type { PinStatus, TokenCertificate, TokenInfo } from './token-types';
