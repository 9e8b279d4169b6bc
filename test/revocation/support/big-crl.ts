/**
 * Test helper: a CRL with as many entries as a qualified CA publishes (tens of thousands), its DER built here and
 * its TBS signed with the issuer's key (sha256WithRSAEncryption) — `openssl ca -gencrl` over an index of 50 000
 * revocations would take minutes. Filler serials are 16 random-looking bytes, each entry with a reasonCode.
 */
import { sign, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as pkijs from 'pkijs';
import {
  concat,
  contextConstructed,
  integer,
  NULL_VALUE,
  octetString,
  oid,
  sequence,
  time,
  tlv,
} from '../../../electron/core/cms/der';
import type { IssuedCert } from '../../support/pki';

export interface BigCrlEntry {
  /** the certificate's serial (DER file of the certificate) or a number */
  serial: string | bigint;
  date: Date;
  reason?: number;
  /** an extra entry extension, e.g. an unknown critical one */
  extra?: { oid: string; critical: boolean };
  /** the entry's DER as given instead (a malformed one) */
  raw?: Uint8Array;
}

const REASON_CODE = '2.5.29.21';

function serialOf(s: string | bigint): Uint8Array {
  if (typeof s === 'bigint') return integer(s);
  const cert = pkijs.Certificate.fromBER(new Uint8Array(readFileSync(s)));
  return new Uint8Array(cert.serialNumber.toBER());
}

function entry(e: BigCrlEntry): Uint8Array {
  if (e.raw) return e.raw;
  const exts: Uint8Array[] = [];
  if (e.reason !== undefined)
    exts.push(sequence(oid(REASON_CODE), octetString(tlv(0x0a, Uint8Array.of(e.reason)))));
  if (e.extra) {
    const critical = e.extra.critical ? [tlv(0x01, Uint8Array.of(0xff))] : [];
    exts.push(sequence(oid(e.extra.oid), ...critical, octetString(NULL_VALUE)));
  }
  return sequence(serialOf(e.serial), time(e.date), ...(exts.length ? [sequence(...exts)] : []));
}

/**
 * The DER of a v2 CRL of `issuer`: `count` filler entries (revoked an hour before `thisUpdate`, reason
 * superseded) with `listed` inserted at their positions (index into the list), a CRL number, valid 7 days.
 */
export function bigCrl(
  issuer: IssuedCert,
  count: number,
  listed: { at: number; entry: BigCrlEntry }[] = [],
  thisUpdate = new Date(Date.now() - 60_000),
): Uint8Array {
  const issuerCert = pkijs.Certificate.fromBER(new X509Certificate(readFileSync(issuer.certPem)).raw);
  const name = new Uint8Array(issuerCert.subject.toSchema().toBER());
  const fillerDate = time(new Date(thisUpdate.getTime() - 3_600_000));
  const superseded = sequence(sequence(oid(REASON_CODE), octetString(tlv(0x0a, Uint8Array.of(4)))));
  const entries: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    for (const l of listed) if (l.at === i) entries.push(entry(l.entry));
    // 16 bytes, 0x5a… then the index: never a certificate's serial here (openssl's are 0x2000…)
    const serial = new Uint8Array(16).fill(0xa5);
    serial[0] = 0x5a;
    serial.set([(i >>> 24) & 0xff, (i >>> 16) & 0xff, (i >>> 8) & 0xff, i & 0xff], 12);
    entries.push(sequence(tlv(0x02, serial), fillerDate, superseded));
  }
  for (const l of listed) if (l.at >= count) entries.push(entry(l.entry));
  const sha256Rsa = sequence(oid('1.2.840.113549.1.1.11'), NULL_VALUE);
  const tbs = sequence(
    integer(1),
    sha256Rsa,
    name,
    time(thisUpdate),
    time(new Date(thisUpdate.getTime() + 7 * 86_400_000)),
    tlv(0x30, concat(entries)),
    contextConstructed(0, sequence(sequence(oid('2.5.29.20'), octetString(integer(count))))),
  );
  const signature = sign('sha256', tbs, readFileSync(issuer.keyPem));
  return sequence(tbs, sha256Rsa, tlv(0x03, concat([Uint8Array.of(0), signature])));
}
