/**
 * A SoftHSM2 store for the UI end-to-end test: CNS-ROSSI (valid; PIN changed and unblocked by the test) and
 * CNS-EXPIRING (signature certificate expiring in 30 days: the renewal banner). Made fresh under `dir`.
 */
import { join } from 'node:path';
import { cnsToken } from '../support/global-setup';
import type { TestPki } from '../support/pki';
import { addToken, makeSofthsmStore } from '../support/softhsm';

export function makeUiStore(dir: string, pki: TestPki, withExpiring = true): string {
  const conf = makeSofthsmStore(join(dir, 'hsm-ui'));
  addToken(conf, cnsToken('CNS-ROSSI', pki));
  if (withExpiring) addToken(conf, cnsToken('CNS-EXPIRING', pki, pki.expiringSignature));
  return conf;
}
