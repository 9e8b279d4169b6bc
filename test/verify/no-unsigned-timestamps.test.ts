/**
 * verifySignerInfo does not look for timestamps when the SignerInfo it read has no unsigned attributes (issue 22:
 * two parses and two awaits less per file). That is exact: for such SignerInfos (as openssl makes them, and with
 * a constructed signature OCTET STRING) both timestamp checks find nothing; and with unsigned attributes the
 * checks still run (an unreadable signature timestamp is reported).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { bytesOf, children, readElement } from '../../electron/core/cms/der-parse';
import { oid, sequence, tlv } from '../../electron/core/cms/der';
import { OID } from '../../electron/core/cms/oids';
import { readSignerInfo } from '../../electron/core/cms/signer-info-reader';
import { checkSignatureTimestamps } from '../../electron/core/verify/signature-timestamps';
import { checkArchiveTimestamps } from '../../electron/core/verify/archive-timestamps';
import { verifyCmsSignatures } from '../../electron/core/verify/verify-cms';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { cmsPartsInMemory } from './support/cms-in-memory';
import { opensslCmsSign } from './support/openssl-cms';
import { withUnsigned } from '../cms/support/hostile-cms';

const fx = inject('fixture');
let der: Uint8Array;
let si: Uint8Array;

beforeAll(() => {
  const dir = mkdtempSync(join(fx.root, 'no-unsigned-'));
  const input = join(dir, 'doc.txt');
  writeFileSync(input, 'senza\n');
  der = opensslCmsSign({ input, out: join(dir, 'a.p7m'), signer: fx.pki.signature });
  si = cmsPartsInMemory(der).signerInfos[0] as Uint8Array;
});

/** the SignerInfo with its signature OCTET STRING split into a constructed one (BER) */
function constructedSignature(s: Uint8Array): Uint8Array {
  const fields = children(s, readElement(s, 0)).map((e) => {
    if (e.tag !== 0x04) return bytesOf(s, e);
    const v = s.subarray(e.valueStart, e.valueEnd);
    return tlv(0x24, tlv(0x04, v.subarray(0, 100)), tlv(0x04, v.subarray(100)));
  });
  return sequence(...fields);
}

describe('no unsigned attributes, no timestamp checks', () => {
  it('both checks find nothing for SignerInfos read without [1]', async () => {
    const parts = cmsPartsInMemory(der);
    const sd = { ...parts, crls: [] };
    for (const s of [si, constructedSignature(si)]) {
      expect(readSignerInfo(s).unsignedAttrs).toBeUndefined();
      const stamps = await checkSignatureTimestamps(readSignerInfo(s), {});
      expect([stamps.reports, stamps.messages, stamps.poe]).toEqual([[], [], undefined]);
      const archive = await checkArchiveTimestamps(s, sd, {});
      expect([archive.reports, archive.messages, archive.poe]).toEqual([[], [], undefined]);
    }
  });

  it('with unsigned attributes the timestamps are still looked at', async () => {
    const parts = cmsPartsInMemory(der);
    const bad = withUnsigned(si, [sequence(oid(OID.signatureTimeStamp), tlv(0x31, tlv(0x30, tlv(0x05))))]);
    expect(readSignerInfo(bad).unsignedAttrs).toHaveLength(1);
    const [r] = await verifyCmsSignatures({ ...parts, signerInfos: [bad] }, { trust: new TrustStore([]) });
    expect(r?.hasTimestamp).toBe(true);
    expect(r?.messages.join(' ')).toMatch(/Unreadable timestamp|Marca temporale illeggibile/);
  });
});
