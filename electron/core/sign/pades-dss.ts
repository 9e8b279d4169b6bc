/**
 * PAdES-B-LT (ETSI EN 319 142-1 §5.4): a Document Security Store added in an incremental update — /DSS in the
 * catalog with /Certs and /CRLs (streams) and a /VRI entry per signature (key: uppercase hex SHA-1 of the
 * signature's /Contents value) listing what validates it. The signed revisions stay byte-identical; earlier
 * DSS content is kept. The CRLs are downloaded now from the certificates' distribution points.
 */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { SigilloError, failure } from '../errors';
import { withAtomicOutput } from '../files/atomic-output';
import { readInput } from '../files/input-file';
import { bytesOf, children, readElement } from '../cms/der-parse';
import { buildIncrement, nextObjectNumber, type IncrementObject } from '../pdf/incremental-writer';
import { asArray, name, PdfDict, PdfRef, PdfStream, type PdfValue } from '../pdf/pdf-objects';
import { PdfReader } from '../pdf/pdf-reader';
import { findSignatures } from '../pdf/pdf-signatures';
import { pdfBroken } from '../pdf/pdf-errors';
import type { TrustStore } from '../trust/trust-store';
import { writeAll } from '../timestamp/file-copy';
import { collectValidationData } from './cades-lt';

/** Certificates and signer infos of a CMS SignedData given as /Contents bytes (zero padding allowed). */
function cmsParts(contents: Uint8Array): { certificates: Uint8Array[]; signerInfos: Uint8Array[] } {
  try {
    const ci = readElement(contents, 0);
    const der = bytesOf(contents, ci);
    const [, explicit] = children(der, readElement(der, 0));
    const sd = explicit ? children(der, explicit)[0] : undefined;
    const parts = sd ? children(der, sd) : [];
    const certSet = parts.find((p) => p.tag === 0xa0);
    const signerSet = parts[parts.length - 1];
    return {
      certificates: certSet ? children(der, certSet).map((c) => bytesOf(der, c)) : [],
      signerInfos: signerSet?.tag === 0x31 ? children(der, signerSet).map((c) => bytesOf(der, c)) : [],
    };
  } catch {
    return { certificates: [], signerInfos: [] };
  }
}

const stream = (data: Uint8Array): PdfStream =>
  new PdfStream(new PdfDict().set('Length', data.length), -1, data.length, data);

function noSignatures(): SigilloError {
  return failure('NO_SIGNATURES');
}

interface Collected {
  /** per signature: VRI key → indexes into certs / crls */
  vri: Map<string, { certs: number[]; crls: number[] }>;
  certs: Uint8Array[];
  crls: Uint8Array[];
}

function indexOf(list: Uint8Array[], item: Uint8Array): number {
  const at = list.findIndex((x) => Buffer.from(x).equals(Buffer.from(item)));
  if (at >= 0) return at;
  list.push(item);
  return list.length - 1;
}

async function collect(reader: PdfReader, trust?: TrustStore): Promise<Collected> {
  const sigs = findSignatures(reader);
  if (sigs.length === 0) throw noSignatures();
  const out: Collected = { vri: new Map(), certs: [], crls: [] };
  for (const sig of sigs) {
    const { certificates, signerInfos } = cmsParts(sig.contents);
    const key = createHash('sha1').update(sig.contents).digest('hex').toUpperCase();
    const entry = { certs: [] as number[], crls: [] as number[] };
    for (const si of signerInfos) {
      const data = await collectValidationData(si, { certificates, trust });
      entry.certs.push(...data.certificates.map((c) => indexOf(out.certs, c.der)));
      entry.crls.push(...data.crls.map((c) => indexOf(out.crls, c)));
    }
    out.vri.set(key, entry);
  }
  return out;
}

/** The DSS objects (streams, VRI, DSS) and the catalog pointing at it; earlier DSS arrays and VRI entries kept. */
function dssObjects(reader: PdfReader, c: Collected): IncrementObject[] {
  const store = reader.latest;
  const rootRef = reader.trailer.get('Root');
  if (!(rootRef instanceof PdfRef)) throw pdfBroken('no catalog reference');
  let next = nextObjectNumber(reader);
  const objects: IncrementObject[] = [];
  const add = (value: PdfValue): PdfRef => {
    const num = next++;
    objects.push({ num, gen: 0, value });
    return new PdfRef(num, 0);
  };
  const certRefs = c.certs.map((d) => add(stream(d)));
  const crlRefs = c.crls.map((d) => add(stream(d)));
  const old = store.dict(reader.catalog().get('DSS'));
  const vri = (store.dict(old?.get('VRI')) ?? new PdfDict()).clone();
  for (const [key, e] of c.vri) {
    vri.set(
      key,
      new PdfDict()
        .set(
          'Cert',
          e.certs.map((i) => certRefs[i]!),
        )
        .set(
          'CRL',
          e.crls.map((i) => crlRefs[i]!),
        ),
    );
  }
  const keep = (k: string) => (asArray(store.resolve(old?.get(k))) ?? []) as PdfValue[];
  const dss = new PdfDict()
    .set('Type', name('DSS'))
    .set('Certs', [...keep('Certs'), ...certRefs])
    .set('CRLs', [...keep('CRLs'), ...crlRefs])
    .set('VRI', vri);
  const ocsps = keep('OCSPs');
  if (ocsps.length > 0) dss.set('OCSPs', ocsps);
  const dssRef = add(dss);
  objects.push({ num: rootRef.num, gen: rootRef.gen, value: reader.catalog().clone().set('DSS', dssRef) });
  return objects;
}

/** Writes `output`: the PDF as it is, then an incremental update with the DSS. */
export async function addDss(
  input: string,
  output: string,
  overwrite: boolean,
  trust?: TrustStore,
): Promise<{ signatures: number }> {
  const reader = PdfReader.open(input);
  let bytes: Buffer;
  let count: number;
  try {
    reader.assertNotEncrypted();
    if (reader.reconstructed) throw pdfBroken('damaged cross-reference table');
    const c = await collect(reader, trust);
    count = c.vri.size;
    bytes = buildIncrement(reader, dssObjects(reader, c)).bytes;
  } finally {
    reader.close();
  }
  await withAtomicOutput(output, { overwrite }, async (fh: FileHandle) => {
    for await (const chunk of readInput(input)) await writeAll(fh, chunk);
    await writeAll(fh, bytes);
  });
  return { signatures: count };
}
