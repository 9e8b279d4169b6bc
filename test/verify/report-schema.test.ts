/**
 * One report model (issue 20 §3): the strict schemas of shared/schemas/verify.ts describe every report the CLI
 * prints. Real reports of every kind — PAdES with later changes, CAdES with a counter-signature, TOTAL_PASSED with
 * an OCSP answer, INDETERMINATE, XAdES FatturaPA, ASiC-S, .tsd, an unsigned file — and the whole DSS and real-world
 * corpora must parse; and the schema is not loose: one unknown field, a missing one or a wrong enum value fails.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FileReportSchema, type FileReport } from '../../shared/schemas/verify';
import { runCli } from '../support/cli';
import { DSS, dssPresent, dssRows } from '../support/dss-corpus';
import { PIN } from '../support/fixture';
import { REALWORLD, realworldPresent } from '../support/realworld-corpus';
import { parseReports, verifyJson } from '../support/verify-json';
import { opensslCmsSign } from './support/openssl-cms';
import { writeHandwritten } from '../pdf/support/make-pdf';
import { appendUpdate, contentStream } from '../pdf/support/append-update';
import { invoiceXml } from '../xades/support/fatturapa-sample';
import { cadesDetached, MIME_S, writeZip } from '../asic/support/build-asic';
import { startTsaAndCa, type TsaAndCa } from '../timestamp/support/ltv-fixture';

const fx = inject('fixture');
const card = { SOFTHSM2_CONF: fx.singleConf, SIGILLO_PIN: PIN };
let dir = '';
let svc: TsaAndCa;
const reports: FileReport[] = [];

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  const r = await runCli(args, { ...card, ...env });
  if (r.code !== 0) throw new Error(`sigillo ${args[0]}: ${r.stderr}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'report-schema-'));
  svc = await startTsaAndCa('sigillo-report-schema-', 'good');
  const txt = join(dir, 'doc.txt');
  writeFileSync(txt, 'Contratto di fornitura\n');
  // TOTAL_PASSED with a live OCSP answer, then counter-signed with the card
  const good = join(dir, 'good.txt.p7m');
  opensslCmsSign({ input: txt, out: good, signer: svc.signer, flags: ['-nodetach'] });
  mkdirSync(join(dir, 'cs'));
  await cli(['sign', '--module', fx.module, '--countersign', '--out', join(dir, 'cs'), good]);
  const online = await verifyJson(
    ['--no-tsl', '--trust', svc.trust, good, join(dir, 'cs', 'good.txt.p7m')],
    svc.env(),
  );
  reports.push(...online.files);
  // the card's signatures (CAdES, PAdES then changed, XAdES FatturaPA), an ASiC-S, a .tsd, an unsigned file
  const pdf = writeHandwritten(join(dir, 'doc.pdf'));
  const xml = join(dir, 'IT01234567890_00001.xml');
  writeFileSync(xml, invoiceXml());
  await cli(['sign', '--module', fx.module, txt, pdf]);
  await cli(['sign', '--module', fx.module, '--format', 'xades', xml]);
  const changed = appendUpdate(join(dir, 'doc-signed.pdf'), join(dir, 'changed.pdf'), () => [
    [5, contentStream('BT /F1 18 Tf 72 720 Td (Altro testo) Tj ET')],
  ]);
  const sig = cadesDetached(xml, join(dir, 'signature.p7s'), fx.pki.signature, fx.pki);
  const asic = writeZip(join(dir, 'fattura.asics'), MIME_S, [
    ['IT01234567890_00001.xml', xml],
    ['META-INF/signature.p7s', sig],
  ]);
  await cli(['timestamp', '--tsa', svc.tsa.url, txt]);
  const offline = await verifyJson([
    '--offline',
    '--no-tsl',
    '--trust',
    fx.pki.rootPem,
    `${txt}.p7m`,
    changed,
    join(dir, 'IT01234567890_00001-signed.xml'),
    asic,
    `${txt}.tsd`,
    txt,
  ]);
  reports.push(...offline.files);
}, 300_000);

afterAll(async () => {
  await svc?.close();
});

const sigs = (r: FileReport) => r.signatures;

describe('the report schema over real reports', () => {
  it('covers every kind of report, and each parses', () => {
    for (const r of reports) expect(FileReportSchema.safeParse(r).success, r.file).toBe(true);
    const formats = reports.map((r) => r.format);
    expect(formats).toEqual(['cms', 'cms', 'cades', 'pades', 'xades', 'asic-s', 'tsd', null]);
    const all = reports.flatMap(sigs);
    expect(all.some((s) => s.indication === 'TOTAL_PASSED' && s.revocation?.status === 'good')).toBe(true);
    expect(all.some((s) => s.indication === 'INDETERMINATE' && s.revocation !== null)).toBe(true);
    expect(all.some((s) => s.counterSignatures.length > 0)).toBe(true);
    expect(
      all.some((s) => (s.modifications?.items.length ?? 0) > 0 && s.modifications?.allowed === false),
    ).toBe(true);
    expect(reports.some((r) => r.fatturapa && r.container)).toBe(true);
    expect(reports.find((r) => r.format === 'tsd')?.timestamps?.length).toBeGreaterThan(0);
    expect(reports.at(-1)?.error?.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
  });

  it('is strict: an unknown field, a missing one or a value outside an enum is refused', () => {
    const pades = reports.find((r) => r.format === 'pades')!;
    const cades = reports.find((r) => r.signatures.some((s) => s.counterSignatures.length > 0))!;
    const broken: [string, (r: FileReport) => void][] = [
      ['extra file field', (r) => Object.assign(r, { verdict: 'ok' })],
      ['extra signature field', (r) => Object.assign(r.signatures[0]!, { note: 'x' })],
      ['chain entry without issuer', (r) => delete (r.signatures[0]!.chain[0] as { issuer?: string }).issuer],
      ['unknown sub-indication', (r) => Object.assign(r.signatures[0]!, { subIndication: 'BOGUS' })],
      ['unknown revocation status', (r) => Object.assign(r.signatures[0]!.revocation!, { status: 'maybe' })],
      [
        'counter-signature without messages',
        (r) => delete (r.signatures[0]!.counterSignatures[0] as { messages?: string[] }).messages,
      ],
      ['unknown format', (r) => Object.assign(r, { format: 'docx' })],
    ];
    for (const [what, breakIt] of broken) {
      const copy = structuredClone(cades);
      breakIt(copy);
      expect(FileReportSchema.safeParse(copy).success, what).toBe(false);
    }
    const change = structuredClone(pades);
    Object.assign(change.signatures[0]!.modifications!.items[0]!, { kind: 'magic' });
    expect(FileReportSchema.safeParse(change).success).toBe(false);
    const half = structuredClone(pades);
    delete (half.signatures[0] as { fieldName?: string }).fieldName; // a PDF signature is all PDF fields or none
    expect(FileReportSchema.safeParse(half).success).toBe(false);
  });
});

describe.skipIf(!dssPresent && !realworldPresent)('the report schema over the corpora', () => {
  it('every DSS and real-world report parses', async () => {
    const dss = dssRows()
      .filter((r) => !r.content)
      .map((r) => join(DSS, r.file));
    const realworld = realworldPresent
      ? readdirSync(REALWORLD)
          .filter((f) => !/\.(tsv|md)$/.test(f))
          .map((f) => join(REALWORLD, f))
      : [];
    const home = mkdtempSync(join(tmpdir(), 'sigillo-schema-home-'));
    const r = await runCli(['verify', '--json', '--offline', '--no-tsl', ...dss, ...realworld], {
      HOME: home,
    });
    const files = parseReports(r.stdout);
    expect(files).toHaveLength(dss.length + realworld.length);
    expect(files.flatMap(sigs).length).toBeGreaterThan(100);
  }, 300_000);
});
