import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SigilloError } from '../../electron/core/errors';
import { findPkcs11Module, MODULE_ENV } from '../../electron/core/pkcs11/module-discovery';
import { builtinModuleLocations } from '../../electron/core/pkcs11/module-locations';
import { Pkcs11Service } from '../../electron/core/pkcs11/pkcs11-service';

const dir = mkdtempSync(join(inject('fixture').root, 'sigillo-modules-'));
const touch = (name: string) => {
  const p = join(dir, name);
  writeFileSync(p, 'not really a library');
  return p;
};
const bit4id = touch('libbit4xpki.so');
const opensc = touch('opensc-pkcs11.so');
const fromEnv = touch('env-module.so');
const explicit = touch('explicit.so');
const missing = join(dir, 'missing.so');
mkdirSync(join(dir, 'a-folder.so'));

function caught(fn: () => unknown): SigilloError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SigilloError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('findPkcs11Module', () => {
  it('prefers the explicit --module path over the env var and the built-in list', () => {
    expect(findPkcs11Module({ module: explicit, env: { [MODULE_ENV]: fromEnv }, candidates: [bit4id] })).toBe(
      explicit,
    );
  });
  it('uses SIGILLO_PKCS11_MODULE when no --module is given', () => {
    expect(findPkcs11Module({ env: { [MODULE_ENV]: fromEnv }, candidates: [bit4id] })).toBe(fromEnv);
  });
  it('takes the first existing built-in candidate, in order', () => {
    expect(findPkcs11Module({ env: {}, candidates: [missing, bit4id, opensc] })).toBe(bit4id);
    expect(findPkcs11Module({ env: {}, candidates: [missing, opensc, bit4id] })).toBe(opensc);
  });
  it('skips folders', () => {
    expect(findPkcs11Module({ env: {}, candidates: [join(dir, 'a-folder.so'), opensc] })).toBe(opensc);
  });
  it('fails with MODULE_NOT_FOUND naming every path tried', () => {
    const other = join(dir, 'nope', 'libASEP11.so');
    const e = caught(() => findPkcs11Module({ env: {}, candidates: [missing, other] }));
    expect(e.code).toBe('MODULE_NOT_FOUND');
    expect(e.message).toContain(missing);
    expect(e.message).toContain(other);
    expect(e.details.tried).toEqual([missing, other]);
  });
  it('does not fall back when the explicit path is missing', () => {
    const e = caught(() => findPkcs11Module({ module: missing, env: {}, candidates: [bit4id] }));
    expect(e.code).toBe('MODULE_NOT_FOUND');
    expect(e.message).toContain(missing);
    expect(e.message).not.toContain('--'); // the fact only: the CLI adds its flag hint (cli/error-hints.ts)
    const e2 = caught(() => findPkcs11Module({ env: { [MODULE_ENV]: missing }, candidates: [bit4id] }));
    expect(e2.message).toContain(MODULE_ENV);
  });
});

describe('builtin module locations', () => {
  it('Linux: bit4id first, then Athena, IDPrime, Oberthur, OpenSC (Debian multiarch), p11-kit-proxy last', () => {
    const list = builtinModuleLocations('linux', {});
    const firstIndex = (re: RegExp) => list.findIndex((p) => re.test(p));
    const order = [
      /libbit4xpki/,
      /libbit4ipki/,
      /libbit4opki/,
      /libASEP11/,
      /libIDPrime/,
      /libOcsCryptoki/,
      /opensc/,
      /p11-kit/,
    ];
    const idx = order.map(firstIndex);
    expect(idx.every((i) => i >= 0)).toBe(true);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    expect(list).toContain('/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so');
    expect(list.at(-1)).toMatch(/p11-kit-proxy/);
  });
  it('Windows paths follow SystemRoot; macOS has the OpenSC bundle', () => {
    expect(builtinModuleLocations('win32', { SystemRoot: 'D:\\Win' })[0]).toBe(
      'D:\\Win\\System32\\bit4xpki.dll',
    );
    expect(builtinModuleLocations('darwin', {})).toContain('/Library/OpenSC/lib/opensc-pkcs11.so');
  });
});

describe('loading a module', () => {
  it('a file that is not a PKCS#11 library → MODULE_LOAD_FAILED with path and reason', () => {
    const e = caught(() => Pkcs11Service.open(bit4id));
    expect(e.code).toBe('MODULE_LOAD_FAILED');
    expect(e.message).toContain(bit4id);
    expect(e.message.length).toBeGreaterThan(bit4id.length + 20);
  });
});
