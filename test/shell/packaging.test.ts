/**
 * The electron-builder configuration, loaded and schema-validated by electron-builder itself, and what it must
 * say: app id, targets, file associations + Linux MIME types, native modules unpacked, harness excluded, main and
 * preload present after `npm run build`, icons from assets/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';

const ROOT = join(__dirname, '..', '..');
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(ROOT, 'build/electron-builder.yml', null);
  await validateConfiguration(config, { add: () => undefined, isEnabled: false } as never);
});

function targets(platform: 'linux' | 'win' | 'mac'): string[] {
  const t = config[platform]?.target;
  return (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? x : (x?.target ?? '')));
}

describe('electron-builder configuration', () => {
  it('names the app and builds AppImage + deb, nsis, dmg', () => {
    expect(config.appId).toBe('it.sigillo.app');
    expect(config.productName).toBe('Sigillo');
    expect(targets('linux').sort()).toEqual(['AppImage', 'deb']);
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('mac')).toEqual(['dmg']);
  });

  it('associates p7m, p7s, tsd, m7m (and pdf as "open with") with their MIME types', () => {
    const assoc = (Array.isArray(config.fileAssociations) ? config.fileAssociations : []).map((a) => ({
      ext: a.ext,
      mime: a.mimeType,
      rank: a.rank,
    }));
    const byExt = new Map(assoc.map((a) => [String(a.ext), a]));
    expect(byExt.get('p7m')?.mime).toBe('application/pkcs7-mime');
    expect(byExt.get('p7s')?.mime).toBe('application/pkcs7-signature');
    expect(byExt.get('tsd')?.mime).toBe('application/timestamped-data');
    expect(byExt.has('m7m')).toBe(true);
    expect(byExt.get('pdf')?.rank).toBe('Alternate');
    const mimeTypes = config.linux?.mimeTypes ?? [];
    for (const m of [
      'application/pkcs7-mime',
      'application/pkcs7-signature',
      'application/timestamped-data',
    ]) {
      expect(mimeTypes).toContain(m);
    }
    // NSIS registers associations only for per-machine installs
    expect(config.nsis?.perMachine).toBe(true);
  });

  it('unpacks the native modules from the asar and rebuilds them for Electron', () => {
    const unpack = ([] as string[]).concat(config.asarUnpack ?? []);
    expect(unpack).toContain('node_modules/pkcs11js/**');
    expect(unpack).toContain('node_modules/pcsclite/**');
    expect(config.npmRebuild).toBe(true);
    expect(existsSync(join(ROOT, 'node_modules', 'pkcs11js'))).toBe(true);
    expect(existsSync(join(ROOT, 'node_modules', 'pcsclite'))).toBe(true);
  });

  it('packages the built main process and renderer, never the harness', () => {
    // electron-builder normalises entries to file sets {filter: [...]}
    const files = ([] as unknown[])
      .concat(config.files ?? [])
      .flatMap((f) => (typeof f === 'string' ? [f] : ((f as { filter?: string[] }).filter ?? [])));
    expect(files).toContain('dist/electron/**/*');
    expect(files).toContain('!dist/electron/harness/**');
    expect(files).toContain('renderer/dist/**/*');
    expect(files.some((f) => f.includes('dist-harness'))).toBe(false);
  });

  it('package.json main is the built main file; main, preload, worker exist after the build', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      main: string;
      scripts: Record<string, string>;
    };
    expect(pkg.main).toBe('dist/electron/shell/main.js');
    expect(pkg.scripts.dist).toContain('electron-builder --config build/electron-builder.yml');
    for (const f of [pkg.main, 'dist/electron/shell/preload.js', 'dist/electron/worker/card-worker.js']) {
      expect(existsSync(join(ROOT, f)), f).toBe(true);
    }
    // the paths the Electron app really uses once built
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const paths = require(join(ROOT, 'dist/electron/shell/app/app-paths.js')) as Record<string, string>;
    expect(paths.PRELOAD_PATH).toBe(join(ROOT, 'dist/electron/shell/preload.js'));
    expect(paths.WORKER_ENTRY).toBe(join(ROOT, 'dist/electron/worker/card-worker.js'));
    expect(paths.RENDERER_INDEX).toBe(join(ROOT, 'renderer/dist/index.html'));
    for (const p of Object.values(paths)) expect(existsSync(p), p).toBe(true);
  });

  it('has icons rendered from the one source in assets/', () => {
    expect(existsSync(join(ROOT, 'assets', 'icon.svg'))).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256]) {
      const png = readFileSync(join(ROOT, 'build', 'icons', `${size}x${size}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(size); // IHDR width
    }
    expect(readFileSync(join(ROOT, 'build', 'icons', 'icon.png')).readUInt32BE(16)).toBe(512);
  });
});

describe('compiled preload', () => {
  it('requires nothing but electron (sandboxed preloads cannot load other modules)', () => {
    const js = readFileSync(join(ROOT, 'dist/electron/shell/preload.js'), 'utf8');
    const requires = [...js.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(requires).toEqual(['electron']);
    expect(js).toContain("exposeInMainWorld('sigillo'");
    expect(js.match(/exposeInMainWorld/g)).toHaveLength(1);
  });
});
