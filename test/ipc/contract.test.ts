import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import {
  CONTRACT,
  INVOKE_METHODS,
  isAllowedExternalUrl,
  pathProblem,
  validateRequest,
  CertInfoSchema,
} from '../../shared';
import { parseCertificate } from '../../electron/core/x509/cert-info';

const PIN = '12345678';
const validSign = {
  operationId: 'op-12345678',
  files: ['/home/u/doc.pdf'],
  format: 'auto',
  token: 'CNS-ROSSI',
  digest: 'sha256',
  overwrite: false,
  pin: PIN,
};

describe('IPC request validation (shared schemas)', () => {
  it('accepts a well-formed sign request', () => {
    expect(validateRequest('sign', validSign).ok).toBe(true);
  });

  it('rejects unknown methods, prototype keys and non-string names', () => {
    for (const m of ['nope', '__proto__', 'constructor', 'toString', 42, null, undefined]) {
      const r = validateRequest(m, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('IPC_UNKNOWN_METHOD');
    }
  });

  it('rejects extra fields on every method (strict objects)', () => {
    for (const m of INVOKE_METHODS) {
      const r = validateRequest(m, { __sneaky: 1 });
      expect(r.ok, m).toBe(false);
    }
  });

  it('rejects non-object payloads on every method', () => {
    for (const m of INVOKE_METHODS) {
      for (const bad of [null, 'x', 1, [], true])
        expect(validateRequest(m, bad).ok, `${m} ${String(bad)}`).toBe(false);
    }
  });

  it('rejects wrong types', () => {
    expect(validateRequest('sign', { ...validSign, overwrite: 'yes' }).ok).toBe(false);
    expect(validateRequest('sign', { ...validSign, files: '/a' }).ok).toBe(false);
    expect(validateRequest('sign', { ...validSign, digest: 'md5' }).ok).toBe(false);
    expect(validateRequest('sign', { ...validSign, visible: { page: 0, x: 1, y: 1, w: 1, h: 1 } }).ok).toBe(
      false,
    );
    expect(validateRequest('sign', { ...validSign, visible: { page: 1, x: NaN, y: 1, w: 1, h: 1 } }).ok).toBe(
      false,
    );
    expect(validateRequest('verify', { operationId: 'op-12345678', files: ['/a.p7m'], offline: 1 }).ok).toBe(
      false,
    );
    expect(validateRequest('snoozeReminder', { days: 1.5 }).ok).toBe(false);
    const detached = { operationId: 'op-12345678', offline: true, content: '/a/doc.pdf' };
    expect(validateRequest('verify', { ...detached, files: ['/a/doc.pdf.p7s'] }).ok).toBe(true);
    expect(validateRequest('verify', { ...detached, files: ['/a/1.p7s', '/a/2.p7s'] }).ok).toBe(false);
  });

  it('rejects huge strings and huge lists', () => {
    expect(validateRequest('sign', { ...validSign, token: 'T'.repeat(100_000) }).ok).toBe(false);
    expect(validateRequest('sign', { ...validSign, pin: '1'.repeat(65) }).ok).toBe(false);
    expect(validateRequest('sign', { ...validSign, files: ['/' + 'a'.repeat(5000)] }).ok).toBe(false);
    const many = Array.from({ length: 1001 }, (_, i) => `/f${i}.pdf`);
    expect(validateRequest('sign', { ...validSign, files: many }).ok).toBe(false);
    expect(validateRequest('sign', { ...validSign, files: [] }).ok).toBe(false);
  });

  it('rejects relative, traversal, NUL and device paths in every path field', () => {
    const bad = [
      'doc.pdf',
      './doc.pdf',
      '../etc/passwd',
      '/home/u/../../etc/passwd',
      '/home/u/./x',
      '/home/u/a\0.pdf',
      '/home/u/a\n.pdf',
      '//server/share/x',
      '\\\\?\\C:\\x',
      'C:relative',
      '',
    ];
    for (const p of bad) {
      expect(pathProblem(p), JSON.stringify(p)).not.toBeNull();
      expect(validateRequest('sign', { ...validSign, files: [p] }).ok).toBe(false);
      expect(validateRequest('sign', { ...validSign, outputDir: p }).ok).toBe(false);
      expect(validateRequest('extract', { files: [p], overwrite: false }).ok).toBe(false);
      expect(validateRequest('showItemInFolder', { path: p }).ok).toBe(false);
      expect(validateRequest('exportCertificate', { token: 'T', certId: '02', outputPath: p }).ok).toBe(
        false,
      );
      expect(validateRequest('setSettings', { outputDir: p }).ok).toBe(false);
    }
    for (const p of [
      '/home/u/doc.pdf',
      'C:\\Users\\u\\doc.pdf',
      '\\\\server\\share\\doc.pdf',
      '/a/..b/c..',
    ]) {
      expect(pathProblem(p), p).toBeNull();
    }
  });

  it('never echoes the submitted values in validation errors (a PIN could be among them)', () => {
    const secret = 'SECRET-PIN-é';
    const r = validateRequest('changePin', { token: 'T', oldPin: secret, newPin: 5 });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain('SECRET');
  });

  it('lets only https links to the CA / Chamber of Commerce hosts through openExternal', () => {
    const ok = [
      'https://id.infocamere.it/infocamere/firma_digitale/rinnovo',
      'https://www.card.infocamere.it',
      'https://card.infocamere.it/infocard/pub/richiesta-revoca_5627',
      'https://www.mi.camcom.it/',
    ];
    const bad = [
      'http://id.infocamere.it/',
      'https://id.infocamere.it.evil.com/',
      'https://evil.com/?id.infocamere.it',
      'https://user:pw@id.infocamere.it/',
      'https://id.infocamere.it:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://evil.com\\@id.infocamere.it/',
    ];
    for (const u of ok) {
      expect(isAllowedExternalUrl(u), u).toBe(true);
      expect(validateRequest('openExternal', { url: u }).ok).toBe(true);
    }
    for (const u of bad) {
      expect(isAllowedExternalUrl(u), u).toBe(false);
      expect(validateRequest('openExternal', { url: u }).ok).toBe(false);
    }
  });

  it('CertInfo schema matches what the x509 layer produces', () => {
    const fx = inject('fixture');
    const info = parseCertificate(readFileSync(fx.pki.signature.certDer));
    const parsed = CertInfoSchema.safeParse(info);
    expect(parsed.success).toBe(true);
  });

  it('every method has a request and a response schema', () => {
    for (const m of INVOKE_METHODS) {
      expect(CONTRACT[m].request).toBeDefined();
      expect(CONTRACT[m].response).toBeDefined();
    }
  });
});
