/**
 * Verifies one ds:Signature (XAdES or plain XMLDSig) into the same SignatureReport as CAdES: references and
 * transforms, SignatureValue, SigningCertificate(V2) match, coverage rules against signature wrapping, then D's
 * certificate checks (chain, revocation, key usage, crypto constraints) and ETSI indication.
 */
import { createHash } from 'node:crypto';
import { t } from '../i18n/translate';
import type { RevocationChecker } from '../revocation/revocation-checker';
import type { TrustStore } from '../trust/trust-store';
import { hashLabel, signatureLabel, type HashName } from '../cms/algorithm-oids';
import { keyRefusal, parseCerts, type ParsedCert } from '../x509/certificates';
import { MAX_CANDIDATES } from '../verify/chain';
import { checkSignerCertificate } from '../verify/signer-checks';
import { decideSignature } from '../verify/signer-verdict';
import type { CadesForm, SignatureReport } from '../verify/types';
import { qualifiedOf, signerSummary } from '../verify/verify-signer-info';
import { checkReference, type ExternalResolver, type ReferenceResult } from '../xml/references';
import type { ExternalWork } from '../xml/external-work';
import { keyValueKey } from './key-value';
import { manifestMessages } from './manifest-refs';
import { filesOnlyNote, partialExplanation, partialNote } from './scope-notes';
import { readSignedInfo, verifySignedInfo } from '../xml/signed-info';
import { MAX_XML_REFERENCES, tooManyReferences } from '../xml/xml-limits';
import { checkXadesTimestamps } from './xades-timestamps';
import {
  qualifyingProperties,
  readXadesProperties,
  unsignedSignatureProperties,
  type CertReference,
  type XadesProperties,
} from './xades-properties';
import { isSignedPropertiesType, NS } from '../xml/xml-names';
import { base64Of, childElements, descendants, firstChild } from '../xml/xml-safe';

/** enveloped: the signature sits inside the signed document; enveloping: signs its own ds:Object; detached: files */
export type XmlSignatureMode = 'enveloped' | 'enveloping' | 'detached' | 'counter';

export interface XmlSignatureContext {
  doc: Document;
  ids: Map<string, Element[]>;
  mode: XmlSignatureMode;
  /** mode 'counter': the ds:SignatureValue of the signature counter-signed */
  countersigned?: Element;
  /** nesting of counter-signatures (0 = a main signature) */
  counterDepth?: number;
  external?: ExternalResolver;
  /** shared work budget of the document (see xml-limits.ts) */
  budget?: { left: number };
  /** digests of referenced files and their budget, shared by the document or container (external-work.ts) */
  externalWork?: ExternalWork;
  trust: TrustStore;
  revocation?: RevocationChecker;
  now: Date;
  depth: number;
}

export interface XmlSignatureResult {
  report: SignatureReport;
  references: ReferenceResult[];
}

function keyInfoCertificates(signature: Element): Uint8Array[] {
  const keyInfo = firstChild(signature, NS.ds, 'KeyInfo');
  return keyInfo
    ? descendants(keyInfo, NS.ds, 'X509Certificate').map((c) => new Uint8Array(base64Of(c)))
    : [];
}

function matchesReference(cert: ParsedCert, ref: CertReference): boolean {
  if (!ref.hash) return false;
  const digest = createHash(ref.hash).update(cert.der).digest();
  if (!digest.equals(ref.digest)) return false;
  return !ref.serialDecimal || BigInt(`0x${cert.x509.serialNumber}`).toString() === ref.serialDecimal.trim();
}

const M = {
  coverage: {
    it: 'La firma non copre alcun dato (nessun riferimento oltre alle proprietà firmate): possibile attacco di tipo signature wrapping.',
    en: 'The signature covers no data (no reference besides the signed properties): possible signature wrapping.',
  },
  counterCoverage: {
    it: 'La controfirma non copre il valore (SignatureValue) della firma a cui è attaccata: possibile signature wrapping o controfirma presa da un altro documento.',
    en: 'The counter-signature does not cover the SignatureValue of the signature it is attached to: possible signature wrapping or a counter-signature taken from another document.',
  },
  outsideRoot: {
    it: 'La firma copre l’elemento radice ({uri}), non le istruzioni di elaborazione o i commenti fuori da esso: quelli non sono firmati.',
    en: 'The signature covers the root element ({uri}), not the processing instructions or comments outside it: those are not signed.',
  },
  signedProps: {
    it: 'Le proprietà firmate XAdES (SignedProperties) non sono coperte dalla firma.',
    en: 'The XAdES signed properties (SignedProperties) are not covered by the signature.',
  },
  reference: { it: 'Riferimento "{uri}" non valido: {why}', en: 'Reference "{uri}" not valid: {why}' },
  digest: { it: 'impronta diversa', en: 'digest mismatch' },
  certMismatch: {
    it: 'Il certificato non corrisponde a SigningCertificate.',
    en: 'The certificate does not match SigningCertificate.',
  },
  noCert: {
    it: 'Certificato del firmatario assente nella firma.',
    en: 'Signer certificate missing from the signature.',
  },
  target: {
    it: 'L’attributo Target di QualifyingProperties non indica questa firma: proprietà XAdES non collegate correttamente.',
    en: 'The QualifyingProperties Target attribute does not name this signature: XAdES properties not correctly bound.',
  },
  several: {
    it: 'La firma ha più di un elemento QualifyingProperties (ETSI EN 319 132-1 ne prevede uno): proprietà XAdES ambigue.',
    en: 'The signature has more than one QualifyingProperties element (ETSI EN 319 132-1 allows one): ambiguous XAdES properties.',
  },
  unsupported: {
    it: 'Algoritmo di firma o di canonicalizzazione non supportato.',
    en: 'Unsupported signature or canonicalisation algorithm.',
  },
};

const MAX_COUNTER_DEPTH = 4;
const TEXT_NODE = 3;
const PI_NODE = 7;

/** xades:CounterSignature elements: each ds:Signature must cover this signature's ds:SignatureValue. */
async function counterSignatures(signature: Element, ctx: XmlSignatureContext): Promise<SignatureReport[]> {
  const depth = ctx.counterDepth ?? 0;
  const qp = qualifyingProperties(signature);
  const usp = unsignedSignatureProperties(qp);
  const value = firstChild(signature, NS.ds, 'SignatureValue');
  if (!usp || !value || depth >= MAX_COUNTER_DEPTH) return [];
  const out: SignatureReport[] = [];
  for (const cs of childElements(usp, qp?.namespaceURI ?? NS.xades, 'CounterSignature')) {
    for (const inner of childElements(cs, NS.ds, 'Signature')) {
      const sub = { ...ctx, mode: 'counter' as const, countersigned: value, counterDepth: depth + 1 };
      out.push((await verifyXmlSignature(inner, sub)).report);
    }
  }
  return out;
}

/**
 * The form, by structure as DSS reads it: a signature timestamp over B-level baseline properties (SigningTime and
 * a SigningCertificate(V2), EN 319 132-1 §6.3) is XAdES-BASELINE-T; other timestamped ones stay XAdES-T.
 */
function form(p: XadesProperties | undefined): CadesForm {
  if (!p) return 'XMLDSig';
  if (p.validationData && p.timestamps > 0) return 'XAdES-LT';
  if (p.timestamps > 0) return p.signingTime && p.signingCertificateVersion ? 'XAdES-BASELINE-T' : 'XAdES-T';
  return p.policy ? 'XAdES-EPES' : 'XAdES-BES';
}

/** a data reference of `refs` signs the root element (URI="" or the root by Id), not its text only */
function signsRoot(r: ReferenceResult, doc: Document): boolean {
  return (
    !isSignedPropertiesType(r.type) &&
    r.textOnly !== true &&
    (r.target.kind === 'document' ||
      (r.target.kind === 'element' && r.target.element === doc.documentElement))
  );
}

/** nodes beside the root element other than white space and the XML declaration: processing instructions, comments */
function outsideRoot(doc: Document): boolean {
  for (let n = doc.firstChild; n; n = n.nextSibling) {
    if (
      n === doc.documentElement ||
      (n.nodeType === PI_NODE && (n as ProcessingInstruction).target === 'xml')
    ) {
      continue;
    }
    if (n.nodeType !== TEXT_NODE || (n.nodeValue ?? '').trim() !== '') return true;
  }
  return false;
}

/**
 * true when a data reference of `refs` covers the whole document. A same-document reference by Id selects the
 * element, not the document (XMLDSig §4.4.3.3): a reference to the root by Id leaves out what stands beside the
 * root, e.g. an <?xml-stylesheet?> added after signing. So it counts as the whole document only when nothing but
 * white space stands there (comments too: one rule, and URI="" with a C14N with comments would sign them);
 * otherwise the signature verifies for the root element and the report says so (as DSS reports a signed scope).
 */
export function coversDocument(refs: ReferenceResult[], doc: Document): boolean {
  return refs.some((r) => signsRoot(r, doc) && (r.target.kind === 'document' || !outsideRoot(doc)));
}

/** true when a data reference of `refs` signs the root element and all it holds (the invoice data shown) */
export function coversRoot(refs: ReferenceResult[], doc: Document): boolean {
  return refs.some((r) => signsRoot(r, doc));
}

/**
 * true when `signature` is a file of its own: the root, or a child of an ASiC XAdESSignatures root holding
 * ds:Signature elements only (EN 319 162-1 §A.5). Anywhere else it sits inside a document of someone's making.
 */
function standsAlone(signature: Element, doc: Document): boolean {
  const root = doc.documentElement;
  if (signature === root) return true;
  if (signature.parentNode !== root || root.localName !== 'XAdESSignatures' || root.namespaceURI !== NS.asic)
    return false;
  return childElements(root, '*', '*').every((e) => e.localName === 'Signature' && e.namespaceURI === NS.ds);
}

/** what a signature covers when it is not the whole document: its '#id' or file references, for the report */
function scopeOf(data: ReferenceResult[]): string {
  return data.map((r) => r.uri).join(', ') || '-';
}

/**
 * Coverage rules (as DSS): the SignedProperties read are the referenced ones; at least one data reference; a
 * counter-signature covers the countersigned SignatureValue. An enveloped signature over only some elements is
 * valid for what it signs (DSS reports the signed scope): the report says which elements, and nothing else. So is
 * a detached signature (files only) put inside another XML document: it signs those files, not the document
 * holding it (DSS: the scope is the files), and the report says that document is not signed. `partial`: the
 * signature does not sign the document it is read from (its report says so, never "the document is intact").
 */
function coverage(
  refs: ReferenceResult[],
  props: XadesProperties | undefined,
  ctx: XmlSignatureContext & { signature: Element },
  messages: string[],
): { ok: boolean; partial: boolean } {
  let ok = true;
  let partial = false;
  const sp = props?.signedProperties;
  if (sp && !refs.some((r) => r.target.kind === 'element' && r.target.element === sp)) {
    ok = false;
    messages.push(t(M.signedProps));
  }
  const data = refs.filter((r) => !isSignedPropertiesType(r.type));
  const countersigned = data.some(
    (r) => r.target.kind === 'element' && r.target.element === ctx.countersigned,
  );
  if (ctx.mode === 'counter' && !countersigned) {
    ok = false;
    messages.push(t(M.counterCoverage));
  } else if (data.length === 0) {
    ok = false;
    messages.push(t(M.coverage));
  } else if (ctx.mode === 'enveloped' && coversRoot(refs, ctx.doc) && !coversDocument(refs, ctx.doc)) {
    const root = data.find(
      (r) => r.target.kind === 'element' && r.target.element === ctx.doc.documentElement,
    );
    messages.push(t(M.outsideRoot, { uri: root?.uri ?? '-' }));
  } else if (ctx.mode === 'enveloped' && !coversDocument(refs, ctx.doc)) {
    const ids = data.map((r) => r.uri).filter((u) => u.startsWith('#'));
    messages.push(partialNote(ids.join(', ') || '-'));
    partial = true;
  } else if (ctx.mode === 'detached' && !standsAlone(ctx.signature, ctx.doc)) {
    messages.push(filesOnlyNote(scopeOf(data)));
    partial = true;
  }
  return { ok, partial };
}

function chooseSigner(
  pool: ParsedCert[],
  keyInfo: ParsedCert[],
  props: XadesProperties | undefined,
  verifies: (c: ParsedCert) => boolean | undefined,
): { signer?: ParsedCert; sigOk?: boolean; essMismatch: boolean } {
  const refs = props?.certReferences ?? [];
  const named = refs.length > 0 ? pool.filter((c) => refs.some((r) => matchesReference(c, r))) : [];
  // bounded (issue 19): a KeyInfo full of certificates must not cost a signature check each
  for (const c of [...named, ...keyInfo].slice(0, MAX_CANDIDATES)) {
    const ok = verifies(c);
    if (ok) return { signer: c, sigOk: true, essMismatch: refs.length > 0 && !named.includes(c) };
  }
  const signer = named[0] ?? keyInfo[0];
  return { signer, sigOk: signer ? verifies(signer) : undefined, essMismatch: false };
}

export async function verifyXmlSignature(
  signature: Element,
  ctx: XmlSignatureContext,
): Promise<XmlSignatureResult> {
  const messages: string[] = [];
  const props = readXadesProperties(signature);
  const info = readSignedInfo(signature);
  const refEls = info.signedInfo ? childElements(info.signedInfo, NS.ds, 'Reference') : [];
  // each reference costs a dereference and its transforms: thousands of them in a forged SignedInfo are refused
  if (refEls.length > MAX_XML_REFERENCES) throw tooManyReferences(refEls.length);
  const refs: ReferenceResult[] = [];
  for (const r of refEls) refs.push(await checkReference(r, { ...ctx, signature }));
  for (const r of refs) {
    if (!r.digestOk) messages.push(t(M.reference, { uri: r.uri, why: r.problem ?? t(M.digest) }));
  }
  messages.push(...(await manifestMessages(refs, { ...ctx, signature })));
  const missing = refs.some((r) => r.notFound === true);
  const { ok: covered, partial } = coverage(refs, props, { ...ctx, signature }, messages);
  if (props?.wrongTarget) messages.push(t(M.target));
  if (props?.several) messages.push(t(M.several));
  const hashOk = missing ? undefined : refs.length > 0 && refs.every((r) => r.digestOk) && covered;

  const keyInfo = parseCerts(keyInfoCertificates(signature));
  const pool = parseCerts([
    ...keyInfo.map((c) => c.der),
    ...(props?.certificateValues ?? []),
    ...ctx.trust.anchors.map((a) => a.der),
  ]);
  const chosen = chooseSigner(pool, keyInfo, props, (c) =>
    keyRefusal(c) ? undefined : verifySignedInfo(info, c.x509.publicKey),
  );
  if (!chosen.signer) {
    // plain XMLDSig with only a ds:KeyValue: the value can be checked, the signer stays unknown
    const key = keyValueKey(signature);
    if (key) chosen.sigOk = verifySignedInfo(info, key);
  }
  if (chosen.sigOk === undefined && chosen.signer) messages.push(t(M.unsupported));
  if (chosen.essMismatch) messages.push(t(M.certMismatch));
  if (!chosen.signer) messages.push(t(M.noCert));

  const hashes = [...refs.map((r) => r.hash), info.hash].filter((h): h is HashName => h !== undefined);
  const signingTime = props?.signingTime;
  // the timestamps first: their POE is the best signature time the certificate checks take trust at
  const stamps = await checkXadesTimestamps(signature, {
    trust: ctx.trust,
    revocation: ctx.revocation,
    now: ctx.now,
  });
  const checks = chosen.signer
    ? await checkSignerCertificate(chosen.signer, hashes, {
        pool,
        trust: ctx.trust,
        revocation: ctx.revocation,
        now: ctx.now,
        signingTime,
        poe: stamps.poe,
      })
    : undefined;
  if (checks) messages.push(...checks.messages);
  messages.push(...stamps.messages);
  const verdict = decideSignature(
    {
      formatFailure: !info.signedInfo || props?.wrongTarget === true || props?.several === true,
      signer: chosen.signer,
      hashOk,
      sigOk: chosen.sigOk,
      essMismatch: chosen.essMismatch,
      signingTime,
      now: ctx.now,
      poe: stamps.poe,
    },
    checks,
  );
  const dataRef = refs.find((r) => !isSignedPropertiesType(r.type));
  if (partial && verdict.indication === 'TOTAL_PASSED') {
    const data = refs.filter((r) => !isSignedPropertiesType(r.type));
    verdict.explanation = partialExplanation(scopeOf(data));
  }
  const report: SignatureReport = {
    signer: signerSummary(checks),
    signingTime: signingTime ? signingTime.toISOString() : null,
    digestAlgorithm: hashLabel(dataRef?.hash, dataRef?.digestLabel),
    signatureAlgorithm: signatureLabel(
      info.scheme === 'rsa' ? 'rsa-pkcs1' : info.scheme,
      info.hash,
      info.signatureUri || 'unknown',
    ),
    integrity: hashOk === true && chosen.sigOk === true ? 'valid' : 'invalid',
    ...verdict,
    qualified: qualifiedOf(checks, messages),
    depth: ctx.depth,
    cadesForm: form(props),
    hasTimestamp: (props?.timestamps ?? 0) > 0,
    timestamps: stamps.reports,
    certificate: checks?.info ?? null,
    chain: checks?.chain ?? [],
    revocation: checks?.revocation ?? null,
    messages,
    ...(partial ? { partialScope: true as const } : {}),
    counterSignatures: await counterSignatures(signature, ctx),
  };
  return { report, references: refs };
}
