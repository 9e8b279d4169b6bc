/**
 * XAdES-BES (B-B) enveloped signing of an XML file (FatturaPA), and XAdES-T (B-T) with a SignatureTimeStamp: the ds:Signature is spliced in as the last child of the
 * root, right before its end tag, so every byte of the document stays as it was (encoding, line ends, XML
 * declaration, stylesheet PI). Digests over canonical XML (C14N 1.0), SignedInfo signed by the KeySigner (token).
 * The result is parsed and verified again before it is written (atomically, never over an existing file).
 *
 * Output: `NAME-signed.xml` beside the input; with --out to another folder, the same name (SdI file names stay).
 */
import type { XadesMessageKey } from '../i18n/messages/xades';
import { createHash, randomBytes } from 'node:crypto';
import { SigilloError, failureOf } from '../errors';
import type { DigestName, KeySigner } from '../crypto/key-signer';
import { checkOutput, withAtomicOutput } from '../files/atomic-output';
import { xadesOutputPath } from '../files/output-naming';
import { TrustStore } from '../trust/trust-store';
import { canonicalize } from '../xml/c14n';
import { ecdsaDerToPlain } from './ecdsa-value';
import { idIndex } from '../xml/references';
import { verifyXmlSignature } from './verify-xml-signature';
import { topLevelSignatures } from './verify-xml-document';
import { readXmlFile } from './xades-file-verifier';
import { signatureIds, signatureXml, type XadesTemplateInput } from './xades-template';
import { NS } from '../xml/xml-names';
import { decodeXml, firstChild, parseXml } from '../xml/xml-safe';

export interface SignXadesOptions {
  input: string;
  outputDir?: string;
  /** exact output path (overrides xadesOutputPath) */
  output?: string;
  overwrite: boolean;
  digest: DigestName;
  signer: KeySigner;
  signingTime?: Date;
  /** XAdES-T: asks a TSA for a token over these bytes (the canonical ds:SignatureValue), returns it DER */
  signatureTimestamp?: SignatureTimestamper;
}

export type SignatureTimestamper = (canonicalSignatureValue: Uint8Array) => Promise<Uint8Array>;

const C14N_INCLUSIVE = { kind: 'inclusive', withComments: false } as const;

export { xadesOutputPath } from '../files/output-naming';

function cannotSign(key: XadesMessageKey): SigilloError {
  return failureOf(key);
}

/** The byte offset of the root end tag, checked to be followed only by blanks, comments and PIs. */
function rootEndOffset(bytes: Buffer, tagName: string): number {
  const at = bytes.lastIndexOf(Buffer.from(`</${tagName}`, 'utf8'));
  const rest = at < 0 ? '' : bytes.subarray(at + 2 + Buffer.byteLength(tagName)).toString('latin1');
  const close = rest.indexOf('>');
  const tail = rest.slice(close + 1).trim();
  if (at < 0 || close < 0 || rest.slice(0, close).trim() !== '' || !(tail === '' || tail.startsWith('<'))) {
    throw cannotSign('XML_UNSUPPORTED_LAYOUT');
  }
  return at;
}

function splice(bytes: Buffer, at: number, fragment: string): Buffer {
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(fragment, 'ascii'), bytes.subarray(at)]);
}

function checkSignable(bytes: Buffer): Document {
  if (bytes[0] === 0xff || bytes[0] === 0xfe || bytes[0] === 0x00 || bytes[1] === 0x00) {
    throw cannotSign('XML_ENCODING_UNSUPPORTED');
  }
  const doc = parseXml(decodeXml(bytes));
  if (topLevelSignatures(doc).length > 0) {
    throw cannotSign('XML_ALREADY_SIGNED');
  }
  return doc;
}

function b64digest(digest: DigestName, octets: Uint8Array): string {
  return createHash(digest).update(octets).digest('base64');
}

function escapeAttr(v: string): string {
  return v.split('&').join('&amp;').split('<').join('&lt;').split('"').join('&quot;');
}

/**
 * The signature in a small stand-in for the document: the root's start tag with only what the canonical form of
 * a descendant inherits from it (namespace declarations, xml:* attributes), so the SignedProperties and SignedInfo
 * digests are computed without parsing the whole (possibly large) document again.
 */
function rootContext(root: Element): (fragment: string) => string {
  const attrs: string[] = [];
  for (let i = 0; i < root.attributes.length; i++) {
    const a = root.attributes.item(i);
    if (a && (a.name === 'xmlns' || a.prefix === 'xmlns' || a.prefix === 'xml'))
      attrs.push(` ${a.name}="${escapeAttr(a.value)}"`);
  }
  return (fragment) => `<${root.tagName}${attrs.join('')}>${fragment}</${root.tagName}>`;
}

/** Builds the signed document bytes. */
export async function xadesSignBytes(
  bytes: Buffer,
  signer: KeySigner,
  digest: DigestName,
  signingTime: Date,
  timestamp?: SignatureTimestamper,
): Promise<Buffer> {
  const doc = checkSignable(bytes);
  const at = rootEndOffset(bytes, doc.documentElement.tagName);
  const input: XadesTemplateInput = {
    id: randomBytes(8).toString('hex'),
    digest,
    keyAlgorithm: signer.keyAlgorithm,
    certificate: signer.certificate,
    chain: signer.chain,
    signingTime,
    documentDigest: b64digest(digest, canonicalize(doc, C14N_INCLUSIVE)),
    signedPropertiesDigest: '',
    signatureValue: '',
  };
  const ids = signatureIds(input.id);
  const context = rootContext(doc.documentElement);
  const draft = parseXml(context(signatureXml(input)));
  const sp = idIndex(draft).get(ids.signedProperties)?.[0];
  if (!sp) throw new Error('SignedProperties not found in the draft');
  input.signedPropertiesDigest = b64digest(digest, canonicalize(sp, C14N_INCLUSIVE));
  const withDigests = parseXml(context(signatureXml(input)));
  const signedInfo = firstChild(idIndex(withDigests).get(ids.signature)?.[0], NS.ds, 'SignedInfo');
  if (!signedInfo) throw new Error('SignedInfo not found in the draft');
  const raw = await signer.sign(digest, canonicalize(signedInfo, C14N_INCLUSIVE));
  const value = signer.keyAlgorithm === 'ec' ? ecdsaDerToPlain(raw, signer.certificate) : Buffer.from(raw);
  input.signatureValue = value.toString('base64');
  if (timestamp) {
    // the ds:SignatureValue as it will be in the document (same in-scope namespaces), canonicalized (C14N 1.0)
    const placed = idIndex(parseXml(context(signatureXml(input)))).get(ids.signatureValue)?.[0];
    if (!placed) throw new Error('SignatureValue not found in the draft');
    const token = await timestamp(canonicalize(placed, C14N_INCLUSIVE));
    input.signatureTimestamp = Buffer.from(token).toString('base64');
  }
  return splice(bytes, at, signatureXml(input));
}

/** Re-parses the result and checks its integrity with Sigillo's own verifier before anything is written. */
async function selfCheck(out: Buffer, stamped: boolean): Promise<void> {
  const doc = parseXml(decodeXml(out));
  const [signature] = topLevelSignatures(doc);
  const r = signature
    ? await verifyXmlSignature(signature, {
        doc,
        ids: idIndex(doc),
        mode: 'enveloped',
        trust: new TrustStore([]),
        now: new Date(),
        depth: 0,
      })
    : undefined;
  if (r?.report.integrity !== 'valid') {
    throw cannotSign('XADES_SELF_CHECK_FAILED');
  }
  // XAdES-T: the token must cover the SignatureValue as a verifier canonicalizes it in the written document
  const stamps = r.report.timestamps ?? [];
  if (stamped && (stamps.length !== 1 || !stamps[0]?.imprintMatches)) {
    throw cannotSign('XADES_SELF_CHECK_FAILED');
  }
}

export async function signXadesFile(o: SignXadesOptions): Promise<{ output: string }> {
  const output = o.output ?? xadesOutputPath(o.input, o.outputDir);
  await checkOutput(output, { overwrite: o.overwrite });
  const bytes = await readXmlFile(o.input);
  const stamp = o.signatureTimestamp;
  const signed = await xadesSignBytes(bytes, o.signer, o.digest, o.signingTime ?? new Date(), stamp);
  await selfCheck(signed, stamp !== undefined);
  await withAtomicOutput(output, { overwrite: o.overwrite }, async (fh) => {
    await fh.writeFile(signed);
  });
  return { output };
}
