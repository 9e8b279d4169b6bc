/**
 * References to files cost once (external-work.ts): an unsigned ASiC whose signatures.xml holds signatures with a
 * hundred references each to one big entry inflated and hashed that entry again for every reference (55 s per
 * signature for a 128 MiB entry of a 1.8 MB container). Now each entry is read and digested once per algorithm for
 * the whole container, every octet read afresh is charged to one budget (past it the file is refused with
 * XML_TOO_COMPLEX), and an ASiCManifest lists at most MAX_MANIFEST_REFERENCES files. A standalone XML with
 * references to a file beside it is bounded the same way.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { readManifest, MAX_MANIFEST_REFERENCES } from '../../electron/core/asic/asic-manifest';
import { ZipReader } from '../../electron/core/asic/zip-reader';
import { SigilloError } from '../../electron/core/errors';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { verifyXmlDocument } from '../../electron/core/xades/verify-xml-document';
import { newExternalWork } from '../../electron/core/xml/external-work';
import { ASIC_E_MIMETYPE, rawZip } from '../support/raw-zip';

const fx = inject('fixture');
let dir = '';
let trust: TrustStore;

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const SHA512 = 'http://www.w3.org/2001/04/xmlenc#sha512';

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'file-digest-work-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
});

afterEach(() => {
  vi.restoreAllMocks();
});

function reference(uri: string, alg = SHA256): string {
  return `<ds:Reference URI="${uri}"><ds:DigestMethod Algorithm="${alg}"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference>`;
}

/** an unsigned ds:Signature (junk value) with `refs` */
function signature(refs: string): string {
  return (
    `<ds:Signature xmlns:ds="${DS}"><ds:SignedInfo>` +
    '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>' +
    '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>' +
    `${refs}</ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>`
  );
}

function signatures(n: number, refs: string): Buffer {
  return Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><asic:XAdESSignatures xmlns:asic="http://uri.etsi.org/02918/v1.2.1#">' +
      signature(refs).repeat(n) +
      '</asic:XAdESSignatures>',
  );
}

describe('references to one big entry', () => {
  it('ASiC: 5 signatures × 100 references to one entry, two algorithms: the entry is read once', async () => {
    const big = randomBytes(4 * 1024 * 1024);
    const refs = reference('big.bin').repeat(50) + reference('big.bin', SHA512).repeat(50);
    const file = join(dir, 'reread.asice');
    writeFileSync(
      file,
      rawZip([
        ASIC_E_MIMETYPE,
        { name: 'big.bin', data: big },
        { name: 'META-INF/signatures.xml', data: signatures(5, refs) },
      ]),
    );
    const read = vi.spyOn(ZipReader.prototype, 'read');
    const r = await verifyFile(file, { trust });
    expect(r.error).toBeNull();
    expect(r.signatures).toHaveLength(5);
    expect(r.signatures.every((s) => s.integrity === 'invalid')).toBe(true);
    const bigReads = read.mock.calls.filter(([e]) => e.name === 'big.bin').length;
    expect(bigReads).toBe(1);
  });

  it('standalone XML: 100 references to the file beside it read it once per algorithm at most', async () => {
    const reads: string[] = [];
    const external = async (name: string): Promise<Uint8Array | undefined> => {
      reads.push(name);
      return name === 'big.bin' ? Buffer.alloc(1024 * 1024, 1) : undefined;
    };
    const xml = Buffer.from(signature(reference('big.bin').repeat(100)));
    const r = await verifyXmlDocument(xml, { trust, external });
    expect(r.signatures).toHaveLength(1);
    expect(reads).toEqual(['big.bin']);
  });

  it('past the budget of file octets: XML_TOO_COMPLEX, not minutes of work', async () => {
    const external = async (): Promise<Uint8Array> => Buffer.alloc(1024 * 1024, 1);
    const names = Array.from({ length: 20 }, (_, i) => reference(`f${i}.bin`)).join('');
    const xml = Buffer.from(signature(names));
    const work = newExternalWork(8 * 1024 * 1024);
    const err = await verifyXmlDocument(xml, { trust, external, externalWork: work }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SigilloError);
    expect((err as SigilloError).code).toBe('XML_TOO_COMPLEX');
  });

  it(`an ASiCManifest listing more than ${MAX_MANIFEST_REFERENCES} files is refused`, async () => {
    const one =
      `<asic:DataObjectReference URI="a.txt"><ds:DigestMethod Algorithm="${SHA256}"/>` +
      '<ds:DigestValue>AAAA</ds:DigestValue></asic:DataObjectReference>';
    const manifest = Buffer.from(
      `<asic:ASiCManifest xmlns:asic="http://uri.etsi.org/02918/v1.2.1#" xmlns:ds="${DS}">` +
        `<asic:SigReference URI="META-INF/signature.p7s"/>${one.repeat(MAX_MANIFEST_REFERENCES + 1)}</asic:ASiCManifest>`,
    );
    let reads = 0;
    const read = async (): Promise<Uint8Array> => {
      reads++;
      return Buffer.from('x');
    };
    const err = await readManifest(manifest, read, newExternalWork()).catch((e: unknown) => e);
    expect((err as SigilloError).code).toBe('XML_TOO_COMPLEX');
    expect(reads).toBe(0);
  });
});
