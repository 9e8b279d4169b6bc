/**
 * A signature that holds its own content (attached) and a content file next to it (RFC 5652 §5.2: embedded and
 * detached content exclude each other): the file named with --content is the embedded content or a file error
 * (CONTENT_NOT_DETACHED); a different file merely found beside the signature leaves the verdict to the
 * signature, with a note that it is not the signed document. Cases made with `openssl cms -sign -nodetach`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import type { VerifyFileOptions } from '../../electron/core/verify/file-types';
import { opensslCmsSign } from './support/openssl-cms';
import { runCli } from '../support/cli';
import { verifyJson } from '../support/verify-json';

const fx = inject('fixture');
let dir = '';
let opts: VerifyFileOptions;
const SIGNED = 'Contratto: pagare 1000 EUR\n';

/** `name`.p7s, attached, over SIGNED, in a fresh folder; `beside` is written as `name` when given */
function attached(name: string, beside?: string): { p7s: string; content: string } {
  const sub = mkdtempSync(join(dir, 'att-'));
  const input = join(sub, 'signed-input');
  writeFileSync(input, SIGNED);
  const p7s = join(sub, `${name}.p7s`);
  opensslCmsSign({ input, out: p7s, signer: fx.pki.signature, certfile: fx.pki.caPem });
  const content = join(sub, name);
  if (beside !== undefined) writeFileSync(content, beside);
  return { p7s, content };
}

const NOTE = /NON è il documento firmato|is NOT the signed document/;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'attached-content-'));
  opts = { trust: new TrustStore(await readTrustFile(fx.pki.rootPem)) };
});

describe('an attached signature and a content file', () => {
  it('--content naming another document is a file error (CONTENT_NOT_DETACHED)', async () => {
    const { p7s, content } = attached('other.txt', 'TOTALLY DIFFERENT forged doc\n');
    const r = await verifyFile(p7s, { ...opts, content });
    expect(r.error?.code).toBe('CONTENT_NOT_DETACHED');
    expect(r.error?.message).toContain(content);
  });

  it('--content of the same length but other bytes is a file error too', async () => {
    const { p7s, content } = attached('same-len.txt', SIGNED.replace('1000', '9000'));
    const r = await verifyFile(p7s, { ...opts, content });
    expect(r.error?.code).toBe('CONTENT_NOT_DETACHED');
  });

  it('--content holding the embedded content is accepted, with no note', async () => {
    const { p7s, content } = attached('same.txt', SIGNED);
    const r = await verifyFile(p7s, { ...opts, content });
    expect(r.error).toBeNull();
    expect(r.signatures[0]?.integrity).toBe('valid');
    expect(r.signatures[0]?.messages.join('\n')).not.toMatch(NOTE);
  });

  it('another document found beside it: the signature is judged, and the report says the file is not signed', async () => {
    const { p7s, content } = attached('contract2.txt', 'pay 1,000,000 EUR to Mallory\n');
    const r = await verifyFile(p7s, opts);
    expect(r.error).toBeNull();
    expect(r.content).toBeUndefined();
    expect(r.signatures[0]?.integrity).toBe('valid');
    const messages = r.signatures[0]?.messages.join('\n') ?? '';
    expect(messages).toMatch(NOTE);
    expect(messages).toContain(content);
  });

  it('the embedded content found beside it: no note', async () => {
    const { p7s } = attached('contract3.txt', SIGNED);
    const r = await verifyFile(p7s, opts);
    expect(r.error).toBeNull();
    expect(r.signatures[0]?.messages.join('\n')).not.toMatch(NOTE);
  });

  it('the CLI: exit 1 with the code for --content, the note under the verdict for the file beside it', async () => {
    const trust = ['--no-tsl', '--offline', '--trust', fx.pki.rootPem];
    const named = attached('cli.txt', 'forged\n');
    const bad = await runCli(['verify', ...trust, '--content', named.content, named.p7s], {
      SIGILLO_LANG: 'en',
    });
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toMatch(/holds its own document/);
    const json = await verifyJson([...trust, '--content', named.content, named.p7s]);
    expect(json.files[0]?.error?.code).toBe('CONTENT_NOT_DETACHED');
    const beside = await runCli(['verify', ...trust, named.p7s], { SIGILLO_LANG: 'it' });
    expect(beside.stdout).toMatch(/⚠ .*NON è il documento firmato/);
  });
});
