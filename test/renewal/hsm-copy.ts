/**
 * A private copy of a fixture SoftHSM2 store. Several processes initialising SoftHSM2 on the SAME token folder at
 * once sometimes get CKR_GENERAL_ERROR; test files run in parallel, so the renewal CLI tests read their own copy.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeSofthsmStore } from '../support/softhsm';

/** Copies the tokens of the store configured by `conf` under `root`; returns the new SOFTHSM2_CONF path. */
export function copySofthsmStore(conf: string, root: string): string {
  const copy = makeSofthsmStore(mkdtempSync(join(root, 'hsm-copy-')));
  cpSync(join(dirname(conf), 'tokens'), join(dirname(copy), 'tokens'), { recursive: true });
  return copy;
}
