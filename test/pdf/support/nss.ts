/** An NSS database for poppler's pdfsig: the test root trusted, and optionally a signer key (for -add-signature). */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IssuedCert, TestPki } from '../../support/pki';

export interface NssDb {
  dir: string;
  /** nickname of the imported signer key, when one was imported */
  nick?: string;
}

export function makeNssDb(dir: string, pki: TestPki, signer?: IssuedCert): NssDb {
  mkdirSync(dir, { recursive: true });
  const db = `sql:${dir}`;
  execFileSync('certutil', ['-N', '-d', db, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', db, '-n', 'root', '-t', 'CT,C,C', '-i', pki.rootPem]);
  execFileSync('certutil', ['-A', '-d', db, '-n', 'ca', '-t', ',,', '-i', pki.caPem]);
  if (!signer) return { dir };
  const p12 = join(dir, 'signer.p12');
  execFileSync('openssl', [
    'pkcs12',
    '-export',
    '-inkey',
    signer.keyPem,
    '-in',
    signer.certPem,
    '-certfile',
    pki.caPem,
    '-passout',
    'pass:pw',
    '-name',
    'signer',
    '-out',
    p12,
  ]);
  execFileSync('pk12util', ['-i', p12, '-d', db, '-W', 'pw'], { stdio: 'ignore' });
  return { dir, nick: 'signer' };
}

export interface PdfsigSignature {
  field: string;
  subFilter: string;
  valid: boolean;
  trusted: boolean;
  totalDocument: boolean;
}

/** Runs `pdfsig` and parses what it says about each signature. */
export function pdfsig(file: string, nss: NssDb): PdfsigSignature[] {
  const r = spawnSync('pdfsig', ['-nssdir', `sql:${nss.dir}`, file], { encoding: 'utf8' });
  return parsePdfsig(r.stdout);
}

/**
 * `pdfsig` without blocking this process: for certificates whose OCSP responder runs in the test itself
 * (pki-revocation-server.ts), which a blocking call would keep from answering.
 */
export function pdfsigAsync(file: string, nss: NssDb): Promise<PdfsigSignature[]> {
  return new Promise((resolve) =>
    execFile('pdfsig', ['-nssdir', `sql:${nss.dir}`, file], { encoding: 'utf8' }, (_e, stdout) =>
      resolve(parsePdfsig(stdout)),
    ),
  );
}

function parsePdfsig(stdout: string): PdfsigSignature[] {
  const out: PdfsigSignature[] = [];
  for (const block of stdout.split(/^Signature #\d+:$/m).slice(1)) {
    out.push({
      field: /Signature Field Name: (.*)$/m.exec(block)?.[1] ?? '',
      subFilter: /Signature Type: (.*)$/m.exec(block)?.[1] ?? '',
      valid: /Signature Validation: Signature is Valid\./.test(block),
      trusted: /Certificate Validation: Certificate is Trusted\./.test(block),
      totalDocument: /Total document signed/.test(block),
    });
  }
  return out;
}

/** `pdfsig -add-signature` with the NSS db's signer key (adbe.pkcs7.detached, or ETSI with etsi=true). */
export function pdfsigSign(input: string, output: string, nss: NssDb, etsi = false): void {
  execFileSync(
    'pdfsig',
    [
      '-nssdir',
      `sql:${nss.dir}`,
      '-add-signature',
      '-nick',
      nss.nick!,
      '-reason',
      'prima firma',
      ...(etsi ? ['-etsi'] : []),
      input,
      output,
    ],
    { stdio: 'ignore' },
  );
}

export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: r.stdout + r.stderr };
}
