/**
 * A SoftHSM2 store for the UI end-to-end test: CNS-ROSSI (valid; PIN changed and unblocked by the test) and
 * CNS-EXPIRING (signature certificate expiring in 30 days: the renewal banner) and CNS-EXPIRED (signature
 * certificate expired 10 days ago: a new device is needed). Made fresh under `dir`.
 */
import { join } from 'node:path';
import { cnsToken } from '../support/global-setup';
import type { TestPki } from '../support/pki';
import { addToken, makeSofthsmStore } from '../support/softhsm';

export function makeUiStore(dir: string, pki: TestPki, withExpiring = true): string {
  const conf = makeSofthsmStore(join(dir, 'hsm-ui'));
  addToken(conf, cnsToken('CNS-ROSSI', pki));
  if (withExpiring) {
    addToken(conf, cnsToken('CNS-EXPIRING', pki, pki.expiringSignature));
    addToken(conf, cnsToken('CNS-EXPIRED', pki, pki.expiredSignature));
  }
  return conf;
}
