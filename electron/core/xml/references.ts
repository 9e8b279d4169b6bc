/**
 * XMLDSig Reference processing: dereference the URI ('' = the whole document, '#id' = the one element with that
 * Id, anything else = an external file/container entry through a resolver), apply the transforms (enveloped
 * signature, the XPath / XPath Filter 2.0 expressions that remove signatures, C14N 1.0/1.1/exclusive), digest and
 * compare. Ids must be unique in the document: an ambiguous '#id' fails (signature wrapping).
 */
import { timingSafeEqual } from 'node:crypto';
import { t } from '../i18n/translate';
import { digestBytes, hashLabel, type HashName } from '../cms/algorithm-oids';
import { canonicalize, chargeC14nWork } from './c14n';
import { chargeExternal, fileDigest, type ExternalWork, type FileReader } from './external-work';
import { misplacedTarget } from './reference-place';
import { isWorkLimit, tooMuchWork } from './xml-limits';
import { C14N, DIGEST_BY_URI, NS, SHA3_DIGEST_BY_URI, TRANSFORM, type C14nMethod } from './xml-names';
import {
  base64Of,
  childElements,
  descendants,
  ELEMENT_NODE,
  firstChild,
  parseXml,
  decodeXml,
} from './xml-safe';

export type ExternalResolver = FileReader;

export type ReferenceTarget =
  | { kind: 'document' }
  | { kind: 'element'; element: Element }
  | { kind: 'external'; name: string }
  | { kind: 'missing' };

export interface ReferenceResult {
  uri: string;
  type: string | null;
  hash: HashName | undefined;
  /** the digest algorithm's name when it is not a HashName (SHA-3) */
  digestLabel?: string;
  digestOk: boolean;
  target: ReferenceTarget;
  /** why the reference could not be checked, in the user's language */
  problem?: string;
  /** the referenced external file was not found (the signed data is not available) */
  notFound?: boolean;
  /** the transformed octets that were digested (what the reference signs) */
  octets?: Uint8Array;
  /** the base64 transform read the target's text: the reference signs decoded text, not the elements */
  textOnly?: boolean;
}

const INCLUSIVE: C14nMethod = { kind: 'inclusive', withComments: false };

const P = {
  noId: { it: 'nessun elemento con Id {id}', en: 'no element with Id {id}' },
  notUnique: {
    it: 'Id {id} non univoco (possibile signature wrapping)',
    en: 'Id {id} is not unique (possible signature wrapping)',
  },
  noUri: { it: 'Reference senza URI', en: 'Reference without URI' },
  notFound: { it: 'file {name} non trovato', en: 'file {name} not found' },
  digest: { it: 'algoritmo di impronta non supportato', en: 'unsupported digest algorithm' },
  transform: { it: 'trasformazione non applicabile ({m})', en: 'transform cannot be applied ({m})' },
  misplaced: {
    it: 'l’elemento con Id {id} non è dove il tipo di riferimento lo richiede (possibile signature wrapping)',
    en: 'the element with Id {id} is not where the reference type requires it (possible signature wrapping)',
  },
};

/** Every element carrying an Id / ID / id / xml:id attribute, by value. */
export function idIndex(doc: Document): Map<string, Element[]> {
  const index = new Map<string, Element[]>();
  const walk = (node: Node): void => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== ELEMENT_NODE) continue;
      const el = n as Element;
      for (const name of ['Id', 'ID', 'id', 'xml:id']) {
        const v = el.getAttribute(name);
        if (!v) continue;
        const list = index.get(v);
        if (!list) index.set(v, [el]);
        else if (list[list.length - 1] !== el) list.push(el);
      }
      walk(el);
    }
  };
  walk(doc);
  return index;
}

export interface ReferenceContext {
  doc: Document;
  signature: Element;
  ids: Map<string, Element[]>;
  external?: ExternalResolver;
  /** octets of document data still allowed through the transforms (shared by every reference of the document) */
  budget?: { left: number };
  /** the digests of referenced files and the budget of their octets (shared by the document or container) */
  externalWork?: ExternalWork;
  /** checking the entries of a ds:Manifest: their Type names what the data are, not where they must be */
  manifestEntry?: boolean;
}

interface Detached {
  node: Node;
  parent: Node;
  next: Node | null;
}

function detach(nodes: Element[]): Detached[] {
  return nodes
    .filter((n) => n.parentNode)
    .map((node) => {
      const d = { node, parent: node.parentNode as Node, next: node.nextSibling };
      d.parent.removeChild(node);
      return d;
    });
}

function restore(list: Detached[]): void {
  for (const d of [...list].reverse()) d.parent.insertBefore(d.node, d.next);
}

/** The ds:Signature elements an XPath (1.0 / Filter 2.0 subtract) transform removes; undefined when not recognised. */
function signaturesRemoved(transform: Element, doc: Document): Element[] | undefined {
  const xpath = firstChild(transform, '*', 'XPath');
  if (!xpath) return undefined;
  const expr = (xpath.textContent ?? '').split(/\s+/).join('');
  const alg = transform.getAttribute('Algorithm');
  // a walk of the whole document for each such transform: paid from its canonicalisation budget like one
  const all = (): Element[] => {
    if (doc.documentElement) chargeC14nWork(doc.documentElement, 0, doc);
    return descendants(doc, NS.ds, 'Signature');
  };
  const byPrefix = (p: string | undefined): Element[] | undefined =>
    p !== undefined && xpath.lookupNamespaceURI(p) === NS.ds ? all() : undefined;
  // *[name()='p:Signature'] compares the qualified name as written: only ds:Signature elements spelled that way
  const byName = (q: string | undefined): Element[] | undefined =>
    q === undefined ? undefined : all().filter((e) => e.tagName === q);
  if (alg === TRANSFORM.xpath) {
    const m =
      /^not\(ancestor-or-self::(?:([A-Za-z_][\w.-]*):Signature|\*\[name\(\)=(['"])([\w.:-]+)\2\])\)$/.exec(
        expr,
      );
    return m ? (m[1] !== undefined ? byPrefix(m[1]) : byName(m[3])) : undefined;
  }
  if (xpath.getAttribute('Filter') !== 'subtract') return undefined;
  const m =
    /^(?:\/descendant::|\/\/)(?:([A-Za-z_][\w.-]*):Signature|\*\[name\(\)=(['"])([\w.:-]+)\2\])$/.exec(expr);
  return m ? (m[1] !== undefined ? byPrefix(m[1]) : byName(m[3])) : undefined;
}

/**
 * The string value of an element node-set (XMLDSig §6.6.2): its text nodes. The whole document is refused: its
 * text alone would stand for a document whose structure is not signed (Santuario fails on it too).
 */
function stringValue(node: Node, payer: Document): string {
  if (node.nodeType !== ELEMENT_NODE) throw new Error('base64 transform over the whole document');
  chargeC14nWork(node as Element, 0, payer); // a walk of the subtree, paid like its canonicalisation
  return node.textContent ?? '';
}

/**
 * Base64 transform: the octets (or the string value of the element) decoded strictly. Only XML whitespace is
 * dropped: Node's decoder would skip any other character and stop at '=', so text could move in or out unsigned.
 */
function base64Decode(data: Data, payer: Document): Uint8Array {
  const text = 'bytes' in data ? Buffer.from(data.bytes).toString('latin1') : stringValue(data.node, payer);
  const b64 = text.replace(/[ \t\r\n]+/g, '');
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(b64)) {
    throw new Error('invalid base64 data');
  }
  return Buffer.from(b64, 'base64');
}

type Data = { node: Node } | { bytes: Uint8Array };

function inclusivePrefixes(transform: Element): string[] {
  const inc = firstChild(transform, '*', 'InclusiveNamespaces');
  return (inc?.getAttribute('PrefixList') ?? '').split(' ').filter((p) => p !== '');
}

/** Applies the transforms; node data ends canonicalised. Throws Error(problem) for what is not supported. */
function transformData(
  start: Data,
  transforms: Element[],
  ctx: ReferenceContext,
  seen: { textOnly?: boolean },
): Uint8Array {
  let data = start;
  const removed: Detached[] = [];
  try {
    for (const tr of transforms) {
      const alg = tr.getAttribute('Algorithm') ?? '';
      const c14n = C14N[alg];
      if (alg === TRANSFORM.base64) {
        if ('node' in data) seen.textOnly = true;
        data = { bytes: base64Decode(data, ctx.doc) };
        continue;
      }
      if ('bytes' in data) {
        if (!c14n) throw new Error(`transform ${alg} over binary data`);
        data = { node: parseXml(decodeXml(data.bytes)) };
      }
      if (c14n) {
        data = { bytes: canonicalize(data.node, c14n, inclusivePrefixes(tr), ctx.doc) };
      } else if (alg === TRANSFORM.enveloped) {
        removed.push(...detach([ctx.signature]));
      } else if (alg === TRANSFORM.xpath || alg === TRANSFORM.xpathFilter2) {
        const gone = signaturesRemoved(tr, ctx.doc);
        if (!gone) throw new Error(`unsupported XPath expression in ${alg}`);
        removed.push(...detach(gone));
      } else throw new Error(`unsupported transform ${alg}`);
    }
    return 'bytes' in data ? data.bytes : canonicalize(data.node, INCLUSIVE, [], ctx.doc);
  } finally {
    restore(removed);
  }
}

function equalDigest(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

function dereference(
  uri: string,
  ctx: ReferenceContext,
): { target: ReferenceTarget; node?: Node; problem?: string } {
  if (uri === '') return { target: { kind: 'document' }, node: ctx.doc };
  if (!uri.startsWith('#')) return { target: { kind: 'external', name: externalName(uri) } };
  const found = ctx.ids.get(uri.slice(1)) ?? [];
  if (found.length !== 1) {
    return {
      target: { kind: 'missing' },
      problem: t(found.length === 0 ? P.noId : P.notUnique, { id: uri.slice(1) }),
    };
  }
  const element = found[0] as Element;
  return { target: { kind: 'element', element }, node: element };
}

function externalName(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

interface Prepared {
  base: { uri: string; type: string | null };
  hash: HashName | undefined;
  sha3: HashName | undefined;
  fail: (target: ReferenceTarget, problem: string) => ReferenceResult;
  d: ReturnType<typeof dereference>;
}

/** Reads and dereferences a Reference; a ReferenceResult when it already fails. */
function prepare(ref: Element, ctx: ReferenceContext): Prepared | ReferenceResult {
  const uri = ref.getAttribute('URI') ?? '';
  const base = { uri, type: ref.getAttribute('Type') };
  const method = firstChild(ref, NS.ds, 'DigestMethod')?.getAttribute('Algorithm') ?? '';
  const hash = DIGEST_BY_URI[method];
  const sha3 = SHA3_DIGEST_BY_URI[method];
  const fail = (target: ReferenceTarget, problem: string): ReferenceResult => ({
    ...base,
    hash,
    digestOk: false,
    target,
    problem,
  });
  if (!ref.hasAttribute('URI')) return fail({ kind: 'missing' }, t(P.noUri));
  const d = dereference(uri, ctx);
  if (d.problem) return fail(d.target, d.problem);
  if (
    !ctx.manifestEntry &&
    d.target.kind === 'element' &&
    misplacedTarget(base.type, d.target.element, ctx.signature)
  ) {
    return { ...fail(d.target, t(P.misplaced, { id: uri.slice(1) })), notFound: true };
  }
  return { base, hash, sha3, fail, d };
}

function transformsOf(ref: Element): Element[] {
  const transformsEl = firstChild(ref, NS.ds, 'Transforms');
  return transformsEl ? childElements(transformsEl, NS.ds, 'Transform') : [];
}

/** Compares `actual` with the reference's DigestValue. */
function compared(ref: Element, p: Prepared, actual: Uint8Array): ReferenceResult {
  const expected = base64Of(firstChild(ref, NS.ds, 'DigestValue'));
  const label = p.sha3 ? { digestLabel: hashLabel(p.sha3) } : {};
  return { ...p.base, hash: p.hash, ...label, digestOk: equalDigest(actual, expected), target: p.d.target };
}

/** Transforms and digests `start`; `octets` are the transformed data (what the reference signs). */
function digest(ref: Element, p: Prepared, start: Data, ctx: ReferenceContext): ReferenceResult {
  const { fail, d } = p;
  const algorithm = p.hash ?? p.sha3;
  if (!algorithm) return fail(d.target, t(P.digest));
  let octets: Uint8Array;
  const seen: { textOnly?: boolean } = {};
  try {
    octets = transformData(start, transformsOf(ref), ctx, seen);
  } catch (e) {
    if (isWorkLimit(e)) throw e;
    return fail(d.target, t(P.transform, { m: e instanceof Error ? e.message : String(e) }));
  }
  if (ctx.budget && 'node' in start) {
    ctx.budget.left -= octets.length;
    if (ctx.budget.left < 0) throw tooMuchWork();
  }
  return { ...compared(ref, p, digestBytes(algorithm, octets)), octets, ...seen };
}

/**
 * A reference to a file: with no transform, its digest is the file's, computed once per algorithm for the whole
 * document or container (external-work.ts); with transforms, the file is read and transformed each time, every
 * octet charged to the same budget.
 */
async function externalReference(ref: Element, p: Prepared, ctx: ReferenceContext): Promise<ReferenceResult> {
  const name = externalName(p.base.uri);
  const algorithm = p.hash ?? p.sha3;
  const notFound = (): ReferenceResult => ({
    ...p.fail({ kind: 'missing' }, t(P.notFound, { name })),
    notFound: true,
  });
  const read = ctx.external;
  if (!read) return notFound();
  const work = ctx.externalWork;
  if (algorithm && work && transformsOf(ref).length === 0) {
    const actual = await fileDigest(work, name, algorithm, read);
    return actual ? compared(ref, p, actual) : notFound();
  }
  const bytes = await read(name);
  if (!bytes) return notFound();
  if (work) chargeExternal(work, bytes.length);
  return digest(ref, p, { bytes }, ctx);
}

/** A same-document reference ('' or '#id') only, synchronously (trusted lists: nothing outside the document). */
export function checkLocalReference(ref: Element, ctx: ReferenceContext): ReferenceResult {
  const p = prepare(ref, ctx);
  if (!('d' in p)) return p;
  if (!p.d.node) return p.fail(p.d.target, t(P.notFound, { name: p.base.uri }));
  return digest(ref, p, { node: p.d.node }, ctx);
}

/** Any reference, files through `ctx.external`; the octets are not kept (reports live long). */
export async function checkReference(ref: Element, ctx: ReferenceContext): Promise<ReferenceResult> {
  const p = prepare(ref, ctx);
  if (!('d' in p)) return p;
  const r = p.d.node ? digest(ref, p, { node: p.d.node }, ctx) : await externalReference(ref, p, ctx);
  delete r.octets;
  return r;
}
