/**
 * A .m7m / .tsd is judged by the signature it carries, not only by its timestamp: the p7m inside gives the same
 * error as verified alone (damaged, a level without its content), a p7m without signers or an unsigned content
 * is no signed file (exit 1, "no signature"), and a valid timestamp never says "the signature is valid".
 * Timestamps from the loopback TSA; revocation answered "good" so that a valid timestamp is TOTAL_PASSED.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fileSummary } from '../../electron/cli/commands/verify-text';
import { encodeSignedData } from '../../electron/core/cms/signed-data';
import { noAnswer, type RevocationChecker } from '../../electron/core/revocation/revocation-checker';
import { base64Lines, m7mHead, m7mTail, newBoundary } from '../../electron/core/timestamp/m7m-format';
import { timestampFile, type TimestampFormat } from '../../electron/core/timestamp/timestamp-file';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { reportPassed } from '../../electron/core/validate/report-passed';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import { opensslP7m, useTsa } from './support/ltv-fixture';

const fx = inject('fixture');
const svc = useTsa('sigillo-ts-inner-');
let trust: TrustStore;
const good: RevocationChecker = { check: async () => ({ ...noAnswer('unknown', ''), status: 'good' }) };
const SAYS_SIGNATURE_VALID = /signature is valid|firma è valida/;

beforeAll(async () => {
  trust = new TrustStore([
    ...(await readTrustFile(svc.pki.rootPem)),
    ...(await readTrustFile(fx.pki.rootPem)),
  ]);
});

const verify = (file: string) => verifyFile(file, { trust, revocation: good });

async function stamp(input: string, format: TimestampFormat): Promise<string> {
  return (await timestampFile({ input, format, overwrite: true, tsa: { url: svc.tsa.url } })).output;
}

/** a document signed by the fixture's signer: the p7m's path */
function signedDoc(d: string, name: string): string {
  const doc = join(d, name);
  writeFileSync(doc, `documento ${name}\n`);
  return opensslP7m(doc, fx.pki.signature, fx.pki.caPem);
}

describe('a .m7m / .tsd over a good p7m', () => {
  it('passes with its signature and its timestamp', async () => {
    const p7m = signedDoc(svc.fresh('good'), 'ok.txt');
    for (const format of ['m7m', 'tsd'] as const) {
      const r = await verify(await stamp(p7m, format));
      expect(r.error).toBeNull();
      expect(r.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED']);
      expect(r.timestamps?.map((t) => t.indication)).toEqual(['TOTAL_PASSED']);
      expect(r.timestamps?.[0]?.explanation).not.toMatch(SAYS_SIGNATURE_VALID);
      expect(reportPassed(r)).toBe(true);
    }
  });
});

describe('a .m7m / .tsd reports the p7m inside as verifying it alone would', () => {
  it('a p7m with data after its end → MALFORMED_CMS, not a pass', async () => {
    const d = svc.fresh('trailing');
    const p7m = signedDoc(d, 'junk.txt');
    writeFileSync(p7m, Buffer.concat([readFileSync(p7m), Buffer.from('JUNKJUNK')]));
    expect((await verify(p7m)).error?.code).toBe('MALFORMED_CMS');
    for (const format of ['m7m', 'tsd'] as const) {
      const r = await verify(await stamp(p7m, format));
      expect(r.error?.code).toBe('MALFORMED_CMS');
      expect(reportPassed(r)).toBe(false);
    }
  });

  it('a p7m whose inner level is detached (its content missing) → CONTENT_NOT_FOUND, not a pass', async () => {
    const d = svc.fresh('nested');
    const doc = join(d, 'doc.txt');
    writeFileSync(doc, 'documento\n');
    const inner = join(d, 'inner.p7s');
    opensslCmsSign({ input: doc, out: inner, signer: fx.pki.signature, certfile: fx.pki.caPem, flags: [] });
    const p7m = opensslP7m(inner, fx.pki.signature, fx.pki.caPem);
    expect((await verify(p7m)).error?.code).toBe('CONTENT_NOT_FOUND');
    for (const format of ['m7m', 'tsd'] as const) {
      const stamped = await stamp(p7m, format);
      const r = await verify(stamped);
      expect(r.error?.code).toBe('CONTENT_NOT_FOUND');
      // the message names the file given, never the spooled copy of the p7m inside it
      expect(r.error?.message).toContain(stamped);
      expect(r.error?.message).not.toMatch(/sigillo-.*\.tmp/);
      expect(reportPassed(r)).toBe(false);
    }
  });

  it('a SignedData without signers: no signature, not a pass', async () => {
    const d = svc.fresh('nosigners');
    const p7m = join(d, 'empty.p7m');
    const eContent = new TextEncoder().encode('pagare 100000 EUR a Mallory\n');
    writeFileSync(
      p7m,
      encodeSignedData({ digestAlgorithms: [], certificates: [], signerInfos: [], eContent }),
    );
    for (const format of ['m7m', 'tsd'] as const) {
      const r = await verify(await stamp(p7m, format));
      expect(r.error).toBeNull();
      expect(r.signatures).toEqual([]);
      expect(r.timestamps?.map((t) => t.indication)).toEqual(['TOTAL_PASSED']);
      expect(reportPassed(r)).toBe(false);
      expect(fileSummary(r)).toMatch(/no signature|nessuna firma/);
    }
  });
});

describe('a timestamped content without any signature', () => {
  it('.tsd over plain text: the timestamp is valid, the file is no signed file', async () => {
    const d = svc.fresh('plain-tsd');
    const text = join(d, 'nota.txt');
    writeFileSync(text, 'nessuna firma qui\n');
    const r = await verify(await stamp(text, 'tsd'));
    expect(r.error).toBeNull();
    expect(r.signatures).toEqual([]);
    expect(r.timestamps?.map((t) => t.indication)).toEqual(['TOTAL_PASSED']);
    expect(r.timestamps?.[0]?.explanation).toMatch(/timestamp is valid|marca temporale è valida/);
    expect(reportPassed(r)).toBe(false);
    const text2 = fileSummary(r);
    expect(text2).not.toMatch(SAYS_SIGNATURE_VALID);
    expect(text2).toMatch(/no signature|nessuna firma/);
  });

  it('.m7m whose "p7m" part is plain text → NOT_CMS, as that part alone', async () => {
    const d = svc.fresh('plain-m7m');
    const text = join(d, 'nota.txt');
    writeFileSync(text, 'nessuna firma qui\n');
    expect((await verify(text)).error?.code).toBe('NOT_CMS');
    const tsr = readFileSync(await stamp(text, 'tsr'));
    const boundary = newBoundary();
    const names = { p7mName: 'nota.txt.p7m', tsrName: 'nota.txt.tsr' };
    const m7m = join(d, 'nota.m7m');
    const mime = m7mHead(boundary, names) + base64Lines(readFileSync(text)) + m7mTail(boundary, names, tsr);
    writeFileSync(m7m, mime, 'latin1');
    const r = await verify(m7m);
    expect(r.error?.code).toBe('NOT_CMS');
    expect(reportPassed(r)).toBe(false);
  });
});
