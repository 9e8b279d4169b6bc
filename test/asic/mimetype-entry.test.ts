/**
 * The mimetype entry of an ASiC container (ETSI EN 319 162-1 §4.4): without it the ZIP is not a conformant ASiC and,
 * as DSS decides by default (MimeTypeFilePresent FAIL), its signatures are INDETERMINATE/FORMAT_FAILURE, never
 * TOTAL_PASSED; a mimetype naming no ASiC type is a remark (DSS: AcceptableMimeTypeFileContent WARN). Signed by
 * xmlsec1; revocation answered "good" so that the intact container is TOTAL_PASSED.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { noAnswer, type RevocationChecker } from '../../electron/core/revocation/revocation-checker';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { reportPassed } from '../../electron/core/validate/report-passed';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { MIME_S, stageIn, writeZip, xadesDetached } from './support/build-asic';

const fx = inject('fixture');
let dir = '';
let trust: TrustStore;
let entries: [string, string][] = [];
const good: RevocationChecker = { check: async () => ({ ...noAnswer('unknown', ''), status: 'good' }) };

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'asic-mimetype-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
  const stage = stageIn(dir, 'stage', { 'doc.txt': 'Contratto: importo dovuto 100 EUR.\n' });
  const sig = xadesDetached(stage, ['doc.txt'], fx.pki.signature);
  entries = [
    ['doc.txt', join(stage, 'doc.txt')],
    ['META-INF/signatures.xml', sig],
  ];
});

async function verify(name: string, mimetype: string | null) {
  const r = await verifyFile(writeZip(join(dir, name), mimetype, entries), { trust, revocation: good });
  expect(r.error).toBeNull();
  expect(r.signatures).toHaveLength(1);
  return { r, s: r.signatures[0]! };
}

describe('the mimetype entry of an ASiC container', () => {
  it('present and an ASiC type: TOTAL_PASSED', async () => {
    const { r, s } = await verify('ok.asics', MIME_S);
    expect(s.indication).toBe('TOTAL_PASSED');
    expect(reportPassed(r)).toBe(true);
  });

  it('absent: INDETERMINATE/FORMAT_FAILURE with a note, the exit code a failure', async () => {
    const { r, s } = await verify('no-mimetype.asics', null);
    expect(s.integrity).toBe('valid');
    expect(s.indication).toBe('INDETERMINATE');
    expect(s.subIndication).toBe('FORMAT_FAILURE');
    expect(s.messages.join(' ')).toMatch(/mimetype/);
    expect(reportPassed(r)).toBe(false);
  });

  it('naming no ASiC type: a remark', async () => {
    const { s } = await verify('text-mimetype.asics', 'text/plain');
    expect(s.integrity).toBe('valid');
    expect(s.messages.join(' ')).toMatch(/text\/plain/);
  });
});
