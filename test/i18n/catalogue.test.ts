import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, catalogueText, codeOf, type MessageKey } from '../../electron/core/i18n/catalogue';
import { failure, SigilloError } from '../../electron/core/errors';
import { cliErrorInfo } from '../../electron/cli/error-hints';

const ROOT = join(__dirname, '../..');
const CORE = join(ROOT, 'electron/core');

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(CATALOGUE) as MessageKey[];
const codes = new Set<string>(keys.map((k) => codeOf(k)));

describe('the error catalogue', () => {
  it('every message has both languages with the same placeholders', () => {
    for (const k of keys) {
      const m = CATALOGUE[k];
      expect(m.it.trim(), k).not.toBe('');
      expect(m.en.trim(), k).not.toBe('');
      expect(holes(m.it), k).toEqual(holes(m.en));
    }
  });

  it('no message names a CLI flag (the front ends add their own hint)', () => {
    for (const k of keys)
      for (const lang of ['it', 'en'] as const) expect(CATALOGUE[k][lang], k).not.toMatch(/--\w/);
  });

  it('no other bilingual text of the core names a CLI flag either (report lines, warnings)', () => {
    const found: string[] = [];
    for (const file of sources(CORE)) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/\b(?:it|en):\s*(['"`])((?:(?!\1).)*)\1/g)) {
        if (/--[a-z]/.test(m[2]!)) found.push(`${relative(CORE, file)}: ${m[2]}`);
      }
    }
    expect(found).toEqual([]);
    // the scan reads what it looks for
    expect(
      [..."{ it: 'usare --force', en: 'x' }".matchAll(/\b(?:it|en):\s*(['"`])((?:(?!\1).)*)\1/g)][0]?.[2],
    ).toBe('usare --force');
  });

  it('the per-folder tables never define the same key twice (a spread would hide one)', () => {
    const tables = readdirSync(join(CORE, 'i18n/messages')).map((f) =>
      readFileSync(join(CORE, 'i18n/messages', f), 'utf8'),
    );
    const defined = tables.flatMap((src) =>
      [...src.matchAll(/^ {2}'?([A-Z0-9_]+(?::\w+)?)'?: \{$/gm)].map((m) => m[1]),
    );
    expect(defined.length).toBe(keys.length);
    expect(new Set(defined).size).toBe(defined.length);
  });

  it('every code the core throws with a literal code has a catalogue entry', () => {
    const missing: string[] = [];
    for (const file of sources(CORE)) {
      const rel = relative(CORE, file);
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/\bfailure\(\s*'([A-Z0-9_]+(?::\w+)?)'/g)) {
        if (!(m[1]! in CATALOGUE)) missing.push(`${rel}: ${m[1]}`);
      }
      for (const m of src.matchAll(/new SigilloError\(\s*'([A-Z0-9_]+)'/g)) {
        if (!codes.has(m[1]!)) missing.push(`${rel}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the scan sees the calls it looks for (it can fail)', () => {
    expect("throw failure('NOT_A_CODE', {})".match(/\bfailure\(\s*'([A-Z0-9_]+(?::\w+)?)'/)?.[1]).toBe(
      'NOT_A_CODE',
    );
    expect(codes.has('NOT_A_CODE')).toBe(false);
  });

  it('failure() gives the code, the message with its parameters and the details', () => {
    const e = failure('OUTPUT_EXISTS', { path: '/tmp/x.p7m' });
    expect(e).toBeInstanceOf(SigilloError);
    expect(e.code).toBe('OUTPUT_EXISTS');
    expect(e.message).toBe(catalogueText('OUTPUT_EXISTS', { path: '/tmp/x.p7m' }));
    expect(e.message).toContain('/tmp/x.p7m');
    expect(e.details).toEqual({ path: '/tmp/x.p7m' });
    expect(failure('TOKEN_AMBIGUOUS:label', { label: 'A', serials: '1, 2' }).code).toBe('TOKEN_AMBIGUOUS');
    expect(catalogueText('OUTPUT_EXISTS', { path: 'p' }, 'it')).toBe(
      CATALOGUE.OUTPUT_EXISTS.it.replace('{path}', 'p'),
    );
  });

  it('the CLI adds its own hint to a core message that states only the fact', () => {
    const e = failure('OUTPUT_EXISTS', { path: '/tmp/x.p7m' });
    expect(e.message).not.toContain('--overwrite');
    expect(cliErrorInfo(e).message.startsWith(`${e.message} `)).toBe(true);
    expect(cliErrorInfo(e).message).toContain('--overwrite');
    expect(cliErrorInfo(failure('TOKEN_AMBIGUOUS', { n: 2, labels: 'A, B' })).message).toMatch(/--token/);
    expect(cliErrorInfo(failure('MODULE_NOT_FOUND:none', { paths: '' })).message).toMatch(/--module/);
  });
});
