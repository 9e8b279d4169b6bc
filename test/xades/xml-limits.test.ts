/**
 * Issue 19, XML part: hostile XML answers fast, in bounded memory, with exit 1 and its own error code — the built
 * CLI run as a child on files made here: 2000 copies of one signature (XML_TOO_MANY_SIGNATURES), 100 000 nested
 * elements (XML_TOO_DEEP), a million elements (XML_TOO_MANY_NODES), repeated whole-document references
 * (XML_TOO_COMPLEX). Each under 10 s and 300 MB of RSS (measured inside the child at exit).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../support/cli';
import { invoiceXml, xadesTemplate } from './support/fatturapa-sample';
import { xmlsecSign } from './support/xmlsec';

const fx = inject('fixture');
let dir = '';
let signed = '';
let preload = '';

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'xml-limits-'));
  const template = join(dir, 'template.xml');
  writeFileSync(template, invoiceXml(undefined, xadesTemplate(fx.pki.signature.certPem)));
  xmlsecSign(template, join(dir, 'signed.xml'), fx.pki.signature);
  signed = readFileSync(join(dir, 'signed.xml'), 'utf8');
  preload = join(dir, 'maxrss.cjs');
  writeFileSync(
    preload,
    "process.on('exit', () => process.stderr.write(`MAXRSS_KB=${process.resourceUsage().maxRSS}\\n`));\n",
  );
});

/** the signed invoice's ds:Signature element, as text */
function signatureText(): string {
  const start = signed.indexOf('<ds:Signature');
  const end = signed.indexOf('</ds:Signature>') + '</ds:Signature>'.length;
  expect(start).toBeGreaterThan(0);
  return signed.slice(start, end);
}

/** exit 1 with `code`, under 10 s and 300 MB of RSS */
function expectRefused(r: Awaited<ReturnType<typeof verifyHostile>>, code: string): void {
  expect(r.code).toBe(1);
  expect(r.error?.code).toBe(code);
  expect(r.ms).toBeLessThan(10_000);
  expect(r.rssMb).toBeLessThan(300);
}

async function verifyHostile(name: string, text: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const t0 = Date.now();
  const r = await runCli(['verify', '--json', '--offline', file], { NODE_OPTIONS: `--require ${preload}` });
  const ms = Date.now() - t0;
  const rss = Number(/MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1]);
  const [report] = JSON.parse(r.stdout) as [{ error: { code: string; message: string } | null }];
  return { code: r.code, ms, rssMb: rss / 1024, error: report.error };
}

describe('hostile XML limits (CLI as a child)', () => {
  it('2000 copies of one signature: XML_TOO_MANY_SIGNATURES, fast and small', async () => {
    const sig = signatureText();
    const text = signed.replace(sig, sig.repeat(2000));
    const r = await verifyHostile('many-signatures.xml', text);
    expectRefused(r, 'XML_TOO_MANY_SIGNATURES');
    expect(r.error?.message).toMatch(/2000/);
  });

  it('100 000 nested elements: XML_TOO_DEEP, not a stack overflow', async () => {
    const text = `<?xml version="1.0"?>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`;
    const r = await verifyHostile('deep.xml', text);
    expectRefused(r, 'XML_TOO_DEEP');
  });

  it('a million small elements with attributes: XML_TOO_MANY_NODES before the DOM is built', async () => {
    const text = `<r>${'<a b="1" c="2"/>'.repeat(1_000_000)}</r>`;
    const r = await verifyHostile('wide.xml', text);
    expectRefused(r, 'XML_TOO_MANY_NODES');
  });

  it('90 signatures each over a 2 MB document: XML_TOO_COMPLEX (work budget), not minutes', async () => {
    const sig = signatureText();
    const padded = signed.replace(
      '<FatturaElettronicaBody>',
      `<FatturaElettronicaBody><Note>${'y'.repeat(2_000_000)}</Note>`,
    );
    const text = padded.replace(sig, sig.repeat(90));
    const r = await verifyHostile('much-work.xml', text);
    expectRefused(r, 'XML_TOO_COMPLEX');
  });

  it('a nesting just under the cap still verifies as a normal (unsigned) document', async () => {
    const text = `<?xml version="1.0"?>${'<a>'.repeat(200)}${'</a>'.repeat(200)}`;
    const r = await verifyHostile('deep-ok.xml', text);
    expect(r.error?.code).toBe('XML_NOT_SIGNED');
  });
});
