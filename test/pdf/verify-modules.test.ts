/**
 * What `sigillo verify` loads for a PDF (issue 22, the fixed cost): the PDF and CMS verifiers only — never the
 * XML stack (xmldom, xpath, xml-crypto), the XAdES or ASiC verifiers, pdf-lib, nor the time-zone tables of
 * Intl.DateTimeFormat (no date is printed in the JSON). An XML file still gets its verifier, loaded on demand.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CLI_BUNDLE, runCli } from '../support/cli';
import { PIN } from '../support/fixture';
import { writeHandwritten } from './support/make-pdf';

const fx = inject('fixture');

/**
 * A preload that writes, at exit, the modules loaded and how many Intl.DateTimeFormat were made. The modules are
 * the files Node loaded plus the modules of the CLI bundle whose code ran (the bin's `bundledModules`: esbuild
 * wraps each module in a function that runs on its first require, so the bundle loads lazily too).
 */
const PRELOAD = `
const { writeFileSync } = require('node:fs');
const Made = Intl.DateTimeFormat;
let made = 0;
Intl.DateTimeFormat = function (...a) { made++; return new Made(...a); };
Intl.DateTimeFormat.prototype = Made.prototype;
process.on('exit', () => {
  const bundled = process.mainModule?.exports?.bundledModules?.() ?? [];
  writeFileSync(process.env.MODULES_OUT, JSON.stringify({ modules: [...Object.keys(require.cache), ...bundled], bundled: bundled.length, made }));
});
`;

const HEAVY = [
  /@xmldom/,
  /node_modules\/xpath/,
  /xml-crypto/,
  /pdf-lib/,
  /xades\/(xades-file-verifier|verify-xml)/,
  /asic-verify/,
];

describe('modules loaded by verify', () => {
  let dir: string;
  let preload: string;
  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'verify-modules-'));
    preload = join(dir, 'preload.js');
    writeFileSync(preload, PRELOAD);
  });

  async function verify(
    file: string,
  ): Promise<{ modules: string[]; bundled: number; made: number; stdout: string }> {
    const out = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    const r = await runCli(['verify', '--json', '--offline', '--trust', fx.pki.chainPem, file], {
      NODE_OPTIONS: `--require ${preload}`,
      MODULES_OUT: out,
      XDG_CONFIG_HOME: join(dir, 'config'),
    });
    expect(r.stderr).not.toMatch(/Error:/);
    const got = JSON.parse(readFileSync(out, 'utf8')) as { modules: string[]; bundled: number; made: number };
    // the built CLI runs from its bundle: the list must come from there, not from an empty require.cache
    expect(existsSync(CLI_BUNDLE)).toBe(true);
    expect(got.bundled).toBeGreaterThan(0);
    return { ...got, stdout: r.stdout };
  }

  it('a signed PDF: no XML, XAdES, ASiC or pdf-lib module, no date formatter', async () => {
    const input = writeHandwritten(join(dir, 'doc.pdf'));
    const s = await runCli(['sign', '--module', fx.module, '--format', 'pades', input], {
      SOFTHSM2_CONF: fx.singleConf,
      SIGILLO_PIN: PIN,
    });
    expect(s.code, s.stderr).toBe(0);
    const v = await verify(join(dir, 'doc-signed.pdf'));
    const report = JSON.parse(v.stdout) as { format: string; signatures: { integrity: string }[] }[];
    expect(report[0]!.format).toBe('pades');
    expect(report[0]!.signatures[0]!.integrity).toBe('valid');
    expect(v.modules.some((m) => m.includes('/pdf/verify-pdf'))).toBe(true);
    for (const heavy of HEAVY) expect(v.modules.filter((m) => heavy.test(m))).toEqual([]);
    expect(v.made).toBe(0);
  });

  it('an XML file still loads the XAdES verifier and its XML parser (on demand)', async () => {
    const xml = join(dir, 'plain.xml');
    writeFileSync(xml, '<?xml version="1.0"?><a>unsigned</a>');
    const v = await verify(xml);
    expect(v.modules.some((m) => /@xmldom/.test(m))).toBe(true);
    expect(v.modules.some((m) => /xades\/xades-file-verifier/.test(m))).toBe(true);
    const report = JSON.parse(v.stdout) as { format: string | null; error: { code: string } | null }[];
    // unsigned XML: the XAdES verifier answers (an error with its code, never an internal one)
    expect(report[0]!.error?.code).not.toBe('INTERNAL');
  });
});
