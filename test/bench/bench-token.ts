/** A test PKI and a SoftHSM CNS token for the benchmarks (same shapes as the test fixture). */
import { join } from 'node:path';
import { cnsToken } from '../support/global-setup';
import { PIN } from '../support/fixture';
import { makeTestPki, type TestPki } from '../support/pki';
import { addToken, makeSofthsmStore, softhsmModule } from '../support/softhsm';

export interface BenchToken {
  pki: TestPki;
  /** env for the sigillo CLI: SoftHSM store, module, PIN */
  env: NodeJS.ProcessEnv;
}

export function makeBenchToken(dir: string, crlUrl?: string): BenchToken {
  const pki = makeTestPki(join(dir, 'pki'), crlUrl ? { crlUrl } : {});
  const conf = makeSofthsmStore(join(dir, 'hsm'));
  addToken(conf, cnsToken('CNS-BENCH', pki));
  return {
    pki,
    env: {
      SOFTHSM2_CONF: conf,
      SIGILLO_PKCS11_MODULE: softhsmModule(),
      SIGILLO_PIN: PIN,
      XDG_CONFIG_HOME: join(dir, 'config'),
    },
  };
}
