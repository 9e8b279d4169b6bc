/**
 * Electron 45 and the Node that really works: the tools that declare Node ≥ 22.12 (@electron/get and its
 * extract-zip for `npm start`'s download, @electron/rebuild and node-abi for packaging) load and answer under the
 * running Node (20.19+: require(esm) and the APIs they use are there), and packaging rebuilds the native addons
 * for the installed Electron's ABI. (Compiling them for Electron needs its headers from the network: not here.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const json = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as Record<string, unknown>;

describe('toolchain', () => {
  it('Electron 45 is installed, and package.json engines match the Node this runs on', () => {
    const electron = json('node_modules/electron/package.json').version as string;
    expect(electron).toMatch(/^45\./);
    const min = /^>=(\d+)\.(\d+)/.exec((json('package.json').engines as { node: string }).node)!;
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    expect(major > Number(min[1]) || (major === Number(min[1]) && minor >= Number(min[2]))).toBe(true);
  });

  it('the download and packaging tools that ask for Node 22.12 load on this Node', async () => {
    const get = (await import('@electron/get')) as { downloadArtifact?: unknown };
    expect(typeof get.downloadArtifact).toBe('function');
    const rebuild = (await import('@electron/rebuild')) as { rebuild?: unknown };
    expect(typeof rebuild.rebuild).toBe('function');
    const abi = createRequire(__filename)('node-abi') as { getAbi(v: string, t: string): string };
    const electron = json('node_modules/electron/package.json').version as string;
    // the ABI the native addons are rebuilt for: Electron's own, not Node's
    expect(abi.getAbi(electron, 'electron')).not.toBe(process.versions.modules);
    expect(Number(abi.getAbi(electron, 'electron'))).toBeGreaterThan(0);
  });

  it('packaging rebuilds pkcs11js and pcsclite from source for Electron and unpacks them', () => {
    const yml = readFileSync(join(ROOT, 'build', 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^npmRebuild: true$/m);
    expect(yml).toMatch(/^buildDependenciesFromSource: true$/m);
    expect(yml).not.toMatch(/^electronVersion:/m); // the installed one, never a stale pin
    expect(yml).toMatch(/node_modules\/pkcs11js\/\*\*/);
    expect(yml).toMatch(/node_modules\/pcsclite\/\*\*/);
  });
});
