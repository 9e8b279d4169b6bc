/**
 * "Apri il documento firmato" in the core (issue 21 flow 5): the signed document of a verified file lands in a
 * fresh 0700 slot of the app's private session folder, named after the original (0600, never executable), never
 * beside the input and never over another file; nested p7m give the innermost content; a PDF signature gives the
 * exact ByteRange prefix (pdfsig sees one valid signature in it); a file changed since verification, a document
 * over the limits and a file with nothing to open are refused with their codes; sessions of dead runs are swept.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openVerification, verifyFiles } from '../../electron/core/validate/session';
import { openPlan } from '../../electron/core/open/open-plan';
import { fileStamp } from '../../electron/core/files/file-stamp';
import {
  openSessionDir,
  openRoot,
  removeOpenSession,
  sweepOpenFolders,
} from '../../electron/core/open/open-folder';
import { openSignedDocument } from '../../electron/core/open/open-signed';
import { SigilloError } from '../../electron/core/errors';
import { setLang } from '../../electron/core/i18n/translate';
import type { FileReport } from '../../shared/schemas/verify';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import { writeHandwritten } from '../pdf/support/make-pdf';
import { fileSigner, signFile } from '../pdf/support/signers';
import { signXadesFile } from '../../electron/core/xades/sign-xades';
import { invoiceXml } from '../xades/support/fatturapa-sample';

const fx = inject('fixture');
let dir: string;
let userData: string;
let session: string;

async function report(file: string): Promise<FileReport> {
  const [r] = await verifyFiles(
    [file],
    await openVerification({ trustFiles: [fx.pki.rootPem], offline: true, cacheDir: null }),
  );
  return r!;
}

/** verify, then open as the app does: plan from the report, stamp taken before verification */
async function openVerified(
  file: string,
  signature?: number,
  limits?: { documentBytes?: number; folderBytes?: number },
) {
  const stamp = await fileStamp(file);
  const r = await report(file);
  return openSignedDocument({ file, plan: openPlan(r, signature), stamp, sessionDir: session, limits });
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'OK',
    (e: unknown) => (e instanceof SigilloError ? e.code : `not a SigilloError: ${String(e)}`),
  );
}

const mode = (p: string) => statSync(p).mode & 0o777;

function p7m(input: string, out = `${input}.p7m`): string {
  opensslCmsSign({ input, out, signer: fx.pki.signature });
  return out;
}

beforeAll(() => {
  setLang('it');
  mkdirSync(join(fx.root, 'open'), { recursive: true });
  dir = mkdtempSync(join(fx.root, 'open', 'o-'));
  userData = join(dir, 'user-data');
  mkdirSync(userData);
  session = openSessionDir(userData);
});

afterAll(() => removeOpenSession(userData));

describe('open the signed document of a p7m', () => {
  it('writes the content as fattura.xml in a private slot, 0600, not beside the input, same bytes', async () => {
    const xml = join(dir, 'fattura.xml');
    writeFileSync(
      xml,
      '<?xml version="1.0"?><p:FatturaElettronica xmlns:p="x"><a>1</a></p:FatturaElettronica>',
    );
    const signed = p7m(xml);
    const doc = await openVerified(signed);
    expect(doc.name).toBe('fattura.xml');
    expect(basename(doc.path)).toBe('fattura.xml');
    expect(readFileSync(doc.path)).toEqual(readFileSync(xml));
    expect(doc.risk).toBeNull();
    expect(dirname(dirname(doc.path))).toBe(session);
    expect(dirname(session)).toBe(openRoot(userData));
    expect(mode(doc.path)).toBe(0o600); // never executable, private
    expect(mode(dirname(doc.path))).toBe(0o700);
    expect(mode(session)).toBe(0o700);
    expect(mode(openRoot(userData))).toBe(0o700);
    // nothing was written beside the user's file
    expect(readdirSync(dir).sort()).toEqual(['fattura.xml', 'fattura.xml.p7m', 'user-data']);
  });

  it('a nested p7m gives the innermost document; opening twice never overwrites the first copy', async () => {
    const pdf = writeHandwritten(join(dir, 'contratto.pdf'));
    const inner = p7m(pdf);
    const outer = p7m(inner, `${inner}.p7m`);
    const first = await openVerified(outer);
    expect(first.name).toBe('contratto.pdf');
    expect(readFileSync(first.path)).toEqual(readFileSync(pdf));
    writeFileSync(first.path, 'the viewer changed its copy');
    const second = await openVerified(outer);
    expect(second.path).not.toBe(first.path);
    expect(second.name).toBe('contratto.pdf');
    expect(readFileSync(second.path)).toEqual(readFileSync(pdf));
    expect(readFileSync(first.path, 'utf8')).toBe('the viewer changed its copy');
  });

  it('refuses a file changed since verification (content, or same size with the time set back) and leaves nothing', async () => {
    const txt = join(dir, 'lettera.txt');
    writeFileSync(txt, 'Gentile cliente');
    const signed = p7m(txt);
    const stamp = await fileStamp(signed);
    const plan = openPlan(await report(signed));
    const before = readdirSync(session).length;
    appendFileSync(signed, Buffer.alloc(0)); // no change at all: still opens
    const ok = await openSignedDocument({ file: signed, plan, stamp, sessionDir: session });
    expect(readFileSync(ok.path, 'utf8')).toBe('Gentile cliente');
    // one byte flipped (same size): refused
    const bytes = readFileSync(signed);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    writeFileSync(signed, bytes);
    expect(statSync(signed).size).toBe(stamp!.size);
    expect(await codeOf(openSignedDocument({ file: signed, plan, stamp, sessionDir: session }))).toBe(
      'OPEN_FILE_CHANGED',
    );
    // …even with the modification time put back exactly as verified: the change time still tells
    const restored = { ...stamp!, mtimeMs: statSync(signed).mtimeMs };
    expect(
      await codeOf(openSignedDocument({ file: signed, plan, stamp: restored, sessionDir: session })),
    ).toBe('OPEN_FILE_CHANGED');
    // no stamp (not verified here) is refused too
    expect(await codeOf(openSignedDocument({ file: signed, plan, stamp: null, sessionDir: session }))).toBe(
      'OPEN_FILE_CHANGED',
    );
    expect(readdirSync(session).length).toBe(before + 1); // the refused ones left no slot
  });

  it('refuses a document over the limits: one document, and the session folder in all', async () => {
    const big = join(dir, 'grande.txt');
    writeFileSync(big, Buffer.alloc(64 * 1024, 0x41));
    const signed = p7m(big);
    expect(await codeOf(openVerified(signed, undefined, { documentBytes: 32 * 1024 }))).toBe(
      'OPEN_TOO_LARGE',
    );
    expect(await codeOf(openVerified(signed, undefined, { folderBytes: 1024 }))).toBe('OPEN_TEMP_FULL');
  });

  it('a program or a script is extracted but marked, never "a document"', async () => {
    const exe = join(dir, 'setup.exe');
    writeFileSync(exe, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]));
    expect((await openVerified(p7m(exe))).risk).toBe('program');
    const sh = join(dir, 'leggimi.txt');
    writeFileSync(sh, '#!/bin/sh\necho hi\n');
    expect((await openVerified(p7m(sh))).risk).toBe('script');
  });
});

describe('open the signed document of an XAdES FatturaPA', () => {
  it('is the signed XML itself, under its own name, as verified', async () => {
    const src = join(dir, 'IT01234567890_00001.xml');
    writeFileSync(src, invoiceXml());
    const { output } = await signXadesFile({
      input: src,
      output: join(dir, 'IT01234567890_00001.signed.xml'),
      overwrite: false,
      digest: 'sha256',
      signer: fileSigner(fx.pki),
    });
    const r = await report(output);
    expect([r.format, r.signatures.length, r.signatures[0]?.integrity]).toEqual(['xades', 1, 'valid']);
    const doc = await openVerified(output);
    expect(doc.name).toBe('IT01234567890_00001.signed.xml');
    expect(readFileSync(doc.path)).toEqual(readFileSync(output));
    expect(doc.risk).toBeNull();
  });
});

describe('open the revision a PDF signature covers', () => {
  it('is the exact ByteRange prefix, named after the signer, and pdfsig finds one valid signature in it', async () => {
    const once = await signFile(
      fx.pki,
      writeHandwritten(join(dir, 'offerta.pdf')),
      join(dir, 'offerta-1.pdf'),
    );
    const twice = await signFile(fx.pki, once, join(dir, 'offerta-2.pdf'));
    const r = await report(twice);
    expect(r.signatures).toHaveLength(2);
    const br = r.signatures[0]!.byteRange!;
    const stamp = await fileStamp(twice);
    const doc = await openSignedDocument({ file: twice, plan: openPlan(r, 1), stamp, sessionDir: session });
    expect(doc.name).toBe('offerta-2 (firmata da Rossi).pdf');
    const whole = readFileSync(twice);
    expect(readFileSync(doc.path)).toEqual(whole.subarray(0, br[2]! + br[3]!));
    expect(readFileSync(doc.path)).toEqual(readFileSync(once)); // the first signature signed exactly that file
    const out = spawnSync('pdfsig', [doc.path], { encoding: 'utf8' }).stdout;
    expect(out.match(/^Signature #\d+:/gm)).toHaveLength(1);
    expect(out).toMatch(/Signature Validation: Signature is Valid\./);
    // the last signature covers the whole file
    const last = await openSignedDocument({ file: twice, plan: openPlan(r, 2), stamp, sessionDir: session });
    expect(readFileSync(last.path)).toEqual(whole);
    expect(
      execFileSync('pdfsig', [last.path], { encoding: 'utf8' }).match(/^Signature #\d+:/gm),
    ).toHaveLength(2);
    // English names follow the language
    setLang('en');
    try {
      expect(openPlan(r, 1)).toMatchObject({ name: 'offerta-2 (signed by Rossi).pdf' });
    } finally {
      setLang('it');
    }
  });

  it('has nothing to open for an unsigned file, a signature that does not exist or a detached signature', async () => {
    const plain = writeHandwritten(join(dir, 'vuoto.pdf'));
    expect(await codeOf(openVerified(plain))).toBe('OPEN_NOT_AVAILABLE');
    const signed = await signFile(
      fx.pki,
      writeHandwritten(join(dir, 'uno.pdf')),
      join(dir, 'uno-firmato.pdf'),
    );
    expect(await codeOf(openVerified(signed, 2))).toBe('OPEN_NOT_AVAILABLE');
    const content = join(dir, 'separato.txt');
    writeFileSync(content, 'contenuto');
    const p7s = join(dir, 'separato.txt.p7s');
    opensslCmsSign({ input: content, out: p7s, signer: fx.pki.signature, flags: [] });
    const [r] = await verifyFiles([p7s], {
      ...(await openVerification({ trustFiles: [fx.pki.rootPem], offline: true, cacheDir: null })),
      content,
    });
    expect(await codeOf(Promise.resolve().then(() => openPlan(r!)))).toBe('OPEN_NOT_AVAILABLE');
  });
});

describe('the session folders', () => {
  it('refuses a temporary folder that is a symlink (it could point anywhere) and writes nothing through it', async () => {
    const other = join(dir, 'user-data-2');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(other);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, openRoot(other));
    const txt = join(dir, 'link.txt');
    writeFileSync(txt, 'x');
    const signed = p7m(txt);
    const stamp = await fileStamp(signed);
    const plan = openPlan(await report(signed));
    const opening = openSignedDocument({ file: signed, plan, stamp, sessionDir: openSessionDir(other) });
    expect(await codeOf(opening)).toBe('OPEN_TEMP_UNSAFE');
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('the next start removes a dead run’s session, never a live one; quitting removes this run’s', async () => {
    const dead = join(openRoot(userData), '.session.sigillo-7ffffffe' + session.slice(-12));
    mkdirSync(join(dead, 'd1'), { recursive: true });
    writeFileSync(join(dead, 'd1', 'old.pdf'), 'x');
    expect(existsSync(session)).toBe(true);
    const removed = await sweepOpenFolders(userData);
    expect(removed).toEqual([dead]);
    expect(existsSync(session)).toBe(true);
    removeOpenSession(userData);
    expect(existsSync(session)).toBe(false);
  });
});
