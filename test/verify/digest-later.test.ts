/**
 * A content digest that comes later (verify-signer-info.ts SignedContent.ready, issue 22: a big PDF's ranges are
 * hashed while its CMS is checked): the signer's certificate, its revocation and the timestamps are checked
 * before the digest is asked for, and the report is the one made with the digest known from the start — for a
 * matching digest, a wrong one, none, and a SignerInfo without signed attributes (whose signature is over the
 * digest itself, so it waits first). The PDF side (verify-pdf-cms.ts): digests still coming give the report of
 * digests given, and digests that never come (the shared hashing failed) the report of the plain way.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { HashName } from '../../electron/core/cms/algorithm-oids';
import { verifyCmsSignatures, type CmsParts } from '../../electron/core/verify/verify-cms';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { noAnswer, type RevocationChecker } from '../../electron/core/revocation/revocation-checker';
import type { SignatureReport } from '../../electron/core/verify/types';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { findSignatures } from '../../electron/core/pdf/pdf-signatures';
import { checkByteRange } from '../../electron/core/pdf/byte-range-check';
import { hashRanges } from '../../electron/core/pdf/byte-range-hash';
import { verifyPdfCms } from '../../electron/core/pdf/verify-pdf-cms';
import { handwrittenPdf } from '../pdf/support/make-pdf';
import { signFile } from '../pdf/support/signers';
import { cmsPartsInMemory } from './support/cms-in-memory';
import { opensslCmsSign } from './support/openssl-cms';

const fx = inject('fixture');
const NOW = new Date();
/** the fixture's root: the chain is found, so the revocation of the signer is asked for */
let trust: TrustStore;

/** the report without what depends on the moment it was made */
const stable = (r: unknown) => JSON.stringify(r).replace(/"(checkedAt|validationTime|now)":"[^"]*"/g, '');

/** a revocation checker that notes each call (no answer) */
function noting(log: string[]): RevocationChecker {
  return {
    check: async (cert) => {
      log.push(`revocation ${cert.x509.subject.split('\n').find((l) => l.startsWith('CN=')) ?? ''}`);
      return noAnswer('unknown', 'test');
    },
  };
}

/** `parts` whose digest is unknown until `release` is called; `log` notes when it is asked and released */
function later(parts: CmsParts, log: string[], digest?: (h: HashName) => Uint8Array | undefined) {
  let released = false;
  let release!: () => void;
  const ready = new Promise<void>((r) => (release = r)).then(() => {
    released = true;
    log.push('released');
  });
  const own = digest ?? ((h: HashName) => parts.contentDigest(h));
  return {
    parts: {
      ...parts,
      contentDigest: (h: HashName) => {
        log.push(released ? 'digest asked' : 'digest asked too early');
        return released ? own(h) : undefined;
      },
      contentReady: ready,
    } satisfies CmsParts,
    release: () => release(),
  };
}

/**
 * runs verifyCmsSignatures on `p`, releasing the digest once the revocation has been checked (up to 20 s, a loaded
 * machine), or after a moment when `untilRevocation` is false (a check that must wait for the digest first)
 */
async function runLater(
  p: CmsParts,
  digest?: (h: HashName) => Uint8Array | undefined,
  untilRevocation = true,
) {
  const log: string[] = [];
  const l = later(p, log, digest);
  const run = verifyCmsSignatures(l.parts, { trust, revocation: noting(log), now: NOW });
  const limit = untilRevocation ? 4000 : 10;
  for (let i = 0; i < limit && !log.some((x) => x.startsWith('revocation')); i++)
    await new Promise((r) => setTimeout(r, 5));
  l.release();
  return { reports: await run, log };
}

async function runNow(p: CmsParts): Promise<SignatureReport[]> {
  return verifyCmsSignatures(p, { trust, revocation: noting([]), now: NOW });
}

describe('a content digest that comes later', () => {
  let withAttrs: CmsParts;
  let noAttrs: CmsParts;
  beforeAll(async () => {
    trust = new TrustStore(await readTrustFile(fx.pki.rootPem));
    const dir = mkdtempSync(join(fx.root, 'digest-later-'));
    const input = join(dir, 'doc.txt');
    writeFileSync(input, 'contenuto firmato\n');
    const signer = fx.pki.signature;
    withAttrs = cmsPartsInMemory(
      opensslCmsSign({ input, out: join(dir, 'a.p7m'), signer, certfile: fx.pki.caPem }),
    );
    noAttrs = cmsPartsInMemory(
      opensslCmsSign({
        input,
        out: join(dir, 'n.p7m'),
        signer,
        certfile: fx.pki.caPem,
        flags: ['-nodetach', '-noattr'],
      }),
    );
  });

  it('with signed attributes: the certificate checks first, the digest after, the same report', async () => {
    const now = await runNow(withAttrs);
    const { reports, log } = await runLater(withAttrs);
    expect(log[0]).toMatch(/^revocation/);
    expect(log).not.toContain('digest asked too early');
    expect(log.indexOf('digest asked')).toBeGreaterThan(log.indexOf('released'));
    expect(stable(reports)).toBe(stable(now));
    expect(reports[0]!.integrity).toBe('valid');
  });

  it('a wrong digest, or none, coming later: the report of the same digest known at once', async () => {
    for (const digest of [() => new Uint8Array(32), () => undefined]) {
      const now = await runNow({ ...withAttrs, contentDigest: digest });
      const { reports } = await runLater(withAttrs, digest);
      expect(stable(reports)).toBe(stable(now));
      expect(reports[0]!.integrity).toBe('invalid');
    }
  });

  it('without signed attributes the signature value waits for the digest: still the same report', async () => {
    const now = await runNow(noAttrs);
    const { reports, log } = await runLater(noAttrs, undefined, false);
    expect(log).not.toContain('digest asked too early');
    expect(log.indexOf('released')).toBeLessThan(log.indexOf('digest asked'));
    expect(stable(reports)).toBe(stable(now));
    expect(reports[0]!.integrity).toBe('valid');
  });
});

describe('a PDF signature checked while its ranges are hashed', () => {
  let pdf: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(fx.root, 'digest-later-pdf-'));
    writeFileSync(join(dir, 'doc.pdf'), handwrittenPdf({ pages: 2 }));
    pdf = await signFile(fx.pki, join(dir, 'doc.pdf'), join(dir, 'doc-signed.pdf'));
  });

  it('digests given, still coming, wrong, or never coming: each the report of the plain way', async () => {
    const reader = PdfReader.open(pdf);
    try {
      const [sig] = findSignatures(reader);
      const ranges = checkByteRange(sig!, reader.src, reader.sections).ranges;
      const ctx = { trust: new TrustStore(await readTrustFile(fx.pki.rootPem)), now: NOW };
      const check = (d?: Parameters<typeof verifyPdfCms>[5]) =>
        verifyPdfCms(pdf, sig!.subFilter, sig!.contents, ranges, ctx, d).then(stable);
      const digests = hashRanges(pdf, ranges, ['sha256', 'sha1']) as Map<HashName, Buffer>;
      const wrong = new Map(digests);
      wrong.set('sha256', Buffer.alloc(32));
      const soon = <T>(v: T) => new Promise<T>((r) => setTimeout(() => r(v), 50));
      const plain = await check(undefined);
      expect(await check(digests)).toBe(plain);
      expect(await check(soon(digests))).toBe(plain);
      expect(await check(soon(undefined))).toBe(plain);
      expect(plain).toContain('"integrity":"valid"');
      const mismatch = await check(wrong);
      expect(mismatch).toContain('"integrity":"invalid"');
      expect(await check(soon(wrong))).toBe(mismatch);
    } finally {
      reader.close();
    }
  });
});
