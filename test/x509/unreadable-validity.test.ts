/**
 * A certificate whose notAfter is no valid UTCTime (a letter among the digits) is not a usable certificate:
 * parseCert drops it, so a copy of one put in a file's unsigned data (CMS certificates, XAdES CertificateValues)
 * can no longer make the chain code throw "Invalid time value" (INTERNAL, or an intact signature reported
 * unreadable). The same certificate with its time intact is read.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCert } from '../../electron/core/x509/certificates';
import { selfSignedDer } from './support/self-signed';

describe('certificate validity times', () => {
  it('drops a certificate whose notAfter cannot be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-time-'));
    const good = selfSignedDer(dir, 'T', [
      'genpkey',
      '-algorithm',
      'EC',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
    ]);
    expect(parseCert(good)).toBeDefined();
    // the second UTCTime (tag 0x17, length 13) is notAfter: one digit of its minutes becomes 'B'
    const bad = Buffer.from(good);
    let at = bad.indexOf(Buffer.from([0x17, 0x0d]));
    at = bad.indexOf(Buffer.from([0x17, 0x0d]), at + 2);
    expect(at).toBeGreaterThan(0);
    bad[at + 2 + 8] = 0x42;
    expect(parseCert(new Uint8Array(bad))).toBeUndefined();
  });
});
