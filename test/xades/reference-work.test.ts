/**
 * Work of the references of one document is bounded (issue 19): an unsigned ds:Signature with thousands of
 * References is refused by count, and the canonicalisation budget charges every input node visited — comments and
 * unprefixed elements give no output octets and no namespace work, yet cost time on each reference that reads
 * them — as well as the walks of the base64 and XPath transforms. Each file is refused with XML_TOO_COMPLEX.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';

const fx = inject('fixture');
let dir = '';
let trust: TrustStore;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'reference-work-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
});

const SHA256 =
  '<DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><DigestValue>AA==</DigestValue>';
const BASE64 = '<Transform Algorithm="http://www.w3.org/2000/09/xmldsig#base64"/>';
const XPATH =
  '<Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116">' +
  '<XPath xmlns:dsig="http://www.w3.org/2000/09/xmldsig#">not(ancestor-or-self::dsig:Signature)</XPath></Transform>';

/** an unsigned ds:Signature (default namespace) with `n` copies of one Reference to `uri` */
function junkSignature(n: number, uri: string, transforms = ''): string {
  const t = transforms ? `<Transforms>${transforms}</Transforms>` : '';
  return (
    '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo>' +
    '<CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>' +
    '<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>' +
    `<Reference URI="${uri}">${t}${SHA256}</Reference>`.repeat(n) +
    '</SignedInfo><SignatureValue>AAAA</SignatureValue></Signature>'
  );
}

/** 100 000 empty comments in the element Id="x", a small element Id="y", then `signature` */
function comments(signature: string): string {
  return `<r><c Id="x">${'<!---->'.repeat(100_000)}</c><d Id="y">z</d>${signature}</r>`;
}

async function verifyTimed(name: string, text: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const t0 = Date.now();
  const r = await verifyFile(file, { trust });
  return { r, ms: Date.now() - t0 };
}

describe('work of the references of a document', () => {
  it('a SignedInfo with 1000 References: XML_TOO_COMPLEX by count, before any digest', async () => {
    const { r, ms } = await verifyTimed(
      'many-refs.xml',
      `<r><d Id="y">z</d>${junkSignature(1000, '#y')}</r>`,
    );
    expect(r.error?.code).toBe('XML_TOO_COMPLEX');
    expect(r.error?.message).toMatch(/1000/);
    expect(ms).toBeLessThan(5000);
  });

  // under the reference cap: only the canonicalisation budget can refuse these
  it.each([
    ['canonicalised (no output octets)', '#x', ''],
    ['read by the base64 transform', '#x', BASE64],
    ['walked by an XPath transform over another element', '#y', XPATH],
  ])('100 000 comments %s by 60 References: XML_TOO_COMPLEX', async (_what, uri, transforms) => {
    const { r, ms } = await verifyTimed('comments.xml', comments(junkSignature(60, uri, transforms)));
    expect(r.error?.code).toBe('XML_TOO_COMPLEX');
    expect(r.error?.message).toMatch(/Canonicali/);
    expect(ms).toBeLessThan(10_000);
  });

  it('50 000 empty unprefixed elements canonicalised whole by 40 References URI="": XML_TOO_COMPLEX', async () => {
    const enveloped = '<Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>';
    const text = `<r>${'<b/>'.repeat(50_000)}${junkSignature(40, '', enveloped)}</r>`;
    const { r, ms } = await verifyTimed('elements.xml', text);
    expect(r.error?.code).toBe('XML_TOO_COMPLEX');
    expect(r.error?.message).toMatch(/Canonicali/);
    expect(ms).toBeLessThan(10_000);
  });

  it('the same comments referenced once still give a report (a failed digest, not a refusal)', async () => {
    const { r } = await verifyTimed('comments-once.xml', comments(junkSignature(1, '#x')));
    expect(r.error).toBeNull();
    expect(r.signatures[0]?.integrity).toBe('invalid');
  });
});
