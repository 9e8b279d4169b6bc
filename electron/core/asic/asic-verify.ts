/**
 * Verification of an ASiC-S / ASiC-E container (format "asic-s" / "asic-e"): every XAdES signature file verified
 * with its references resolved to container entries, every CAdES .p7s verified by D's engine over the file it
 * covers (ASiC-S: the one data file; ASiC-E: its ASiCManifest, whose digests are then checked against the
 * entries). The report lists the data files and which signatures cover each; uncovered files are pointed out.
 * The invoice summary is read only from a data file a verified signature covers.
 */
import { toErrorInfo } from '../errors';
import { t } from '../i18n/translate';
import { readSignedData } from '../cms/signed-data-reader';
import type { HashName } from '../cms/algorithm-oids';
import type { FileVerifier, VerifyFileOptions } from '../verify/file-types';
import { decide } from '../verify/indication';
import type { FileReport, SignatureReport } from '../verify/types';
import { verifyCmsSignatures } from '../verify/verify-cms';
import { formatFailure } from '../verify/verify-signer-info';
import { fatturaPaFromBytes } from '../fatturapa/fatturapa';
import { MAX_PEEK_BYTES } from '../fatturapa/fatturapa-peek';
import { verifyXmlDocument } from '../xades/verify-xml-document';
import { looksLikeZip, openAsic, type AsicContainer } from './asic-container';
import { readManifest, type AsicManifest } from './asic-manifest';
import { contentDigest, newExternalWork, type ExternalWork, type FileReader } from '../xml/external-work';
import { isWorkLimit } from '../xml/xml-limits';
import type { ContainerReport } from '../verify/asic-types';
import type { ZipEntry } from './zip-reader';

interface Verified {
  reports: SignatureReport[];
  /** data files each report covers */
  covers: string[][];
}

/** A signature file that could not be read or checked: a FORMAT_FAILURE report covering no file. */
function pushUnreadable(out: Verified, entry: ZipEntry, e: unknown): void {
  const reason = toErrorInfo(e).message;
  out.reports.push(
    formatFailure(0, t({ it: '{name}: {reason}', en: '{name}: {reason}' }, { name: entry.name, reason })),
  );
  out.covers.push([]);
}

/** The container's entries by name; the last one read is kept (a second digest algorithm over it, a transform). */
function reader(c: AsicContainer): FileReader {
  let last: { name: string; bytes: Buffer } | undefined;
  return async (name) => {
    if (last?.name === name) return last.bytes;
    const e = c.zip.find(name);
    if (!e || e.isDirectory) return undefined;
    last = { name, bytes: await c.zip.read(e) };
    return last.bytes;
  };
}

/** A manifest entry, read once for the container with its DataObjectReference digests checked. */
interface ReadManifest {
  name: string;
  bytes: Uint8Array;
  manifest: AsicManifest | undefined;
}

/**
 * The container being verified: its entries read through one reader, each entry digested once per algorithm for
 * every signature and manifest (external-work.ts: a budget for all of them), the ASiCManifests read once.
 */
interface Container {
  c: AsicContainer;
  read: FileReader;
  work: ExternalWork;
  manifests: () => Promise<ReadManifest[]>;
}

function openContainer(c: AsicContainer): Container {
  const read = reader(c);
  const work = newExternalWork();
  let manifests: Promise<ReadManifest[]> | undefined;
  const readAll = async (): Promise<ReadManifest[]> => {
    const out: ReadManifest[] = [];
    for (const m of c.manifests) {
      const bytes = await c.zip.read(m);
      const manifest = await readManifest(bytes, read, work).catch((e: unknown) => {
        if (isWorkLimit(e)) throw e; // too much work: the CAdES signatures are refused, never left unchecked
        return undefined;
      });
      out.push({ name: m.name, bytes, manifest });
    }
    return out;
  };
  return { c, read, work, manifests: () => (manifests ??= readAll()) };
}

/** Verifies one signature file of the container; throws when it cannot be read at all. */
type SignatureFileVerifier = (k: Container, entry: ZipEntry, o: VerifyFileOptions) => Promise<Verified>;

async function verifyEach(
  k: Container,
  entries: ZipEntry[],
  verify: SignatureFileVerifier,
  o: VerifyFileOptions,
  out: Verified,
): Promise<void> {
  for (const entry of entries) {
    try {
      const v = await verify(k, entry, o);
      out.reports.push(...v.reports);
      out.covers.push(...v.covers);
    } catch (e) {
      pushUnreadable(out, entry, e);
    }
  }
}

const verifyXades: SignatureFileVerifier = async (k, entry, o) => {
  const r = await verifyXmlDocument(await k.c.zip.read(entry), {
    ...o,
    external: k.read,
    externalWork: k.work,
  });
  return {
    reports: r.signatures.map((s) => s.report),
    covers: r.signatures.map((s) =>
      s.references.flatMap((ref) => (ref.target.kind === 'external' ? [ref.target.name] : [])),
    ),
  };
};

const MANIFEST_MISMATCH = {
  it: 'Il file {name} non corrisponde all’impronta nel manifest ASiC: modificato dopo la firma.',
  en: 'The file {name} does not match its digest in the ASiC manifest: changed after signing.',
};

function failHash(s: SignatureReport, message: string): SignatureReport {
  const v = decide({ formatFailure: false, signerCertFound: true, hashOk: false } as Parameters<
    typeof decide
  >[0]);
  return { ...s, integrity: 'invalid', ...v, messages: [...s.messages, message] };
}

/** A signature of a container that is not a conformant ASiC: INDETERMINATE/FORMAT_FAILURE, as DSS decides it. */
function formatFailed(s: SignatureReport, message: string): SignatureReport {
  if (s.indication === 'TOTAL_FAILED') return { ...s, messages: [message, ...s.messages] };
  const v = decide({ formatFailure: true } as Parameters<typeof decide>[0]);
  return { ...s, ...v, messages: [message, ...s.messages] };
}

const verifyCades: SignatureFileVerifier = async (k, entry, o) => {
  const { c } = k;
  let content: { name: string; bytes: Uint8Array } | undefined;
  let covers: string[] = [];
  let bad: string[] = [];
  for (const { name, bytes, manifest } of await k.manifests()) {
    if (manifest?.signature !== entry.name) continue;
    content = { name, bytes };
    covers = manifest.references.map((r) => r.name);
    bad = manifest.references.filter((r) => !r.digestOk).map((r) => r.name);
  }
  if (!content && c.type === 'ASiC-S' && c.data.length === 1) {
    const only = c.data[0] as ZipEntry;
    const bytes = await k.read(only.name);
    if (bytes) content = { name: only.name, bytes };
    covers = [only.name];
  }
  const bytes = await c.zip.read(entry);
  const summary = await readSignedData(
    (async function* () {
      yield bytes;
    })(),
  );
  const signed = content;
  const reports = await verifyCmsSignatures(
    {
      eContentType: summary.eContentType,
      certificates: summary.certificates,
      signerInfos: summary.signerInfos,
      // once per entry and algorithm for the container, charged to its budget (a thousand .p7s over one file)
      contentDigest: (h: HashName) =>
        signed ? contentDigest(k.work, signed.name, h, signed.bytes) : undefined,
    },
    { trust: o.trust, revocation: o.revocation, now: o.now, depth: 0 },
  );
  return {
    reports: reports.map((r) => bad.reduce((s, name) => failHash(s, t(MANIFEST_MISMATCH, { name })), r)),
    covers: reports.map(() => covers),
  };
};

const UNCOVERED = {
  it: 'Il contenitore contiene file non coperti da alcuna firma: {names}.',
  en: 'The container holds files no signature covers: {names}.',
};

export async function verifyAsicFile(
  path: string,
  o: VerifyFileOptions,
): Promise<Omit<FileReport, 'file' | 'error'>> {
  const c = await openAsic(path);
  try {
    const out: Verified = { reports: [], covers: [] };
    const k = openContainer(c);
    await verifyEach(k, c.xades, verifyXades, o, out);
    await verifyEach(k, c.cades, verifyCades, o, out);
    const files = c.data.map((e) => ({
      name: e.name,
      size: e.size,
      signedBy: out.covers.flatMap((names, i) => (names.includes(e.name) ? [i] : [])),
    }));
    const uncovered = files.filter((f) => f.signedBy.length === 0).map((f) => f.name);
    const extra = [...c.notes, ...(uncovered.length ? [t(UNCOVERED, { names: uncovered.join(', ') })] : [])];
    const signatures = out.reports.map((s) => ({ ...s, messages: [...s.messages, ...extra] }));
    if (c.formatProblem)
      for (const [i, s] of signatures.entries()) signatures[i] = formatFailed(s, c.formatProblem);
    const container: ContainerReport = {
      type: c.type,
      mimetype: c.mimetype,
      files,
      signatureFiles: [...c.xades, ...c.cades].map((e) => e.name),
    };
    // an invoice inside: the first data file (of the first few, up to 16 MiB each) that is a FatturaPA and that a
    // signature which verified covers (DSS: the signature scope). A file no signature covers, or one whose
    // signature failed, is never summarised as the document: anyone can add a file to a container.
    const verified = out.reports.map((s) => s.integrity === 'valid');
    const signed = c.data.filter((d) =>
      out.covers.some((names, i) => verified[i] === true && names.includes(d.name)),
    );
    let fatturapa;
    for (const e of signed.filter((d) => d.size <= MAX_PEEK_BYTES).slice(0, 16)) {
      fatturapa ??= fatturaPaFromBytes(await c.zip.read(e));
    }
    return {
      format: c.type === 'ASiC-S' ? 'asic-s' : 'asic-e',
      signatures,
      container,
      ...(fatturapa ? { fatturapa } : {}),
    };
  } finally {
    await c.zip.close();
  }
}

export const asicFileVerifier: FileVerifier = {
  name: 'asic',
  matches: (head) => looksLikeZip(head),
  verify: verifyAsicFile,
};
