/**
 * Which extracted documents the app hands to the system viewer: programs, scripts and pages that run code are
 * recognised by name and by their bytes (a signed file's extension is whatever the sender chose); ordinary
 * documents — a PDF, a FatturaPA XML with its usual stylesheet instruction, a text — are not flagged.
 */
import { describe, expect, inject, it, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentRisk } from '../../electron/core/open/content-risk';

const fx = inject('fixture');
let dir: string;

function file(name: string, body: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
}

const risk = (name: string, body: string | Buffer) => contentRisk(file(name, body), name);

beforeAll(() => {
  mkdirSync(join(fx.root, 'open'), { recursive: true });
  dir = mkdtempSync(join(fx.root, 'open', 'risk-'));
});

describe('contentRisk', () => {
  it('flags programs, scripts and active pages by name', async () => {
    expect(await risk('setup.EXE', 'hello')).toBe('program');
    expect(await risk('install.msi', 'hello')).toBe('program');
    expect(await risk('run.bat', 'hello')).toBe('script');
    expect(await risk('tool.js', 'hello')).toBe('script');
    expect(await risk('deploy.sh', 'hello')).toBe('script');
    expect(await risk('pagina.html', '<p>ciao</p>')).toBe('active');
    expect(await risk('logo.svg', '<svg/>')).toBe('active');
  });

  it('flags programs and scripts by their bytes whatever the name', async () => {
    expect(await risk('fattura.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]))).toBe('program');
    expect(await risk('nota.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]))).toBe('program');
    expect(await risk('documento', Buffer.from('cffaedfe00000000', 'hex'))).toBe('program');
    expect(await risk('leggimi.txt', '#!/usr/bin/env python3\nprint(1)\n')).toBe('script');
  });

  it('flags XML that a browser would run code in, also past the first megabyte and in UTF-16', async () => {
    const xhtml =
      '<?xml version="1.0"?><a><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></a>';
    expect(await risk('fattura.xml', xhtml)).toBe('active');
    const late = `<?xml version="1.0"?><a>${'x'.repeat(3 << 20)}<SCRIPT>alert(1)</SCRIPT></a>`;
    expect(await risk('fattura.xml', late)).toBe('active');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('<a><script>1</script></a>', 'utf16le'),
    ]);
    expect(await risk('fattura.xml', utf16)).toBe('active');
    const svgInside = '<doc><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/></doc>';
    expect(await risk('documento.content', svgInside)).toBe('active');
  });

  it('leaves ordinary documents alone', async () => {
    const fattura =
      '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" href="fatturaordinaria_v1.2.1.xsl"?>' +
      '<p:FatturaElettronica versione="FPR12" xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2">' +
      '<Descrizione>Consulenza</Descrizione></p:FatturaElettronica>';
    expect(await risk('fattura.xml', fattura)).toBeNull();
    expect(await risk('contratto.pdf', '%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n')).toBeNull();
    expect(await risk('lettera.txt', 'Gentile cliente, <script> è una parola.')).toBeNull();
    expect(await risk('vuoto.txt', '')).toBeNull();
  });
});
