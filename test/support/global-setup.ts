import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { makeTestPki, type TestPki } from './pki';
import { addToken, makeSofthsmStore, softhsmModule, type TokenSpec } from './softhsm';
import { PIN, SO_PIN, type Fixture } from './fixture';

export function cnsToken(label: string, pki: TestPki, signature = pki.signature): TokenSpec {
  return {
    label,
    pin: PIN,
    soPin: SO_PIN,
    objects: [
      { cert: pki.authentication, id: '01', label: 'CNS0', withKey: true },
      { cert: signature, id: '02', label: 'CNS1', withKey: true },
      { cert: pki.ca, id: 'ca01', label: 'CA', withKey: false },
    ],
  };
}

let root = '';

export default function setup(project: TestProject): () => void {
  root = mkdtempSync(join(tmpdir(), 'sigillo-test-'));
  const pki = makeTestPki(join(root, 'pki'));
  const singleConf = makeSofthsmStore(join(root, 'hsm-single'));
  addToken(singleConf, cnsToken('CNS-ROSSI', pki));
  const multiConf = makeSofthsmStore(join(root, 'hsm-multi'));
  addToken(multiConf, cnsToken('CNS-ROSSI', pki));
  addToken(multiConf, cnsToken('CNS-EC', pki, pki.ecSignature));
  addToken(multiConf, cnsToken('CNS-EXPIRING', pki, pki.expiringSignature));
  addToken(multiConf, cnsToken('CNS-EXPIRED', pki, pki.expiredSignature));
  const fixture: Fixture = { root, pki, module: softhsmModule(), singleConf, multiConf };
  project.provide('fixture', fixture);
  return () => rmSync(root, { recursive: true, force: true });
}
