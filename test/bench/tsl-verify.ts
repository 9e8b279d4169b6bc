/**
 * Bench: signature verification + parsing of a large trusted list (N CA/QC services, default 1500 ≈ 6 MB, the size
 * of the biggest member-state lists), signed with xmlsec1. Run: npx tsx test/bench/tsl-verify.ts [N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTrustedList } from '../../electron/core/tsl/tsl-parse';
import { verifyEnvelopedXml } from '../../electron/core/tsl/xmldsig-verify';
import { makeSigner, signWithXmlsec } from '../tsl/support/xml-signers';

const n = Number(process.argv[2] ?? 1500);
const dir = mkdtempSync(join(tmpdir(), 'sigillo-tsl-bench-'));
const signer = makeSigner(dir, 'bench');
const ca = makeSigner(dir, 'ca');
const services = Array.from({ length: n }, (_, i) => ({
  name: `Qualified CA ${i}`,
  certificates: [ca.der],
  history: [
    {
      status: 'granted' as const,
      start: new Date('2016-07-01'),
      asi: ['ForeSignatures'],
      qualifiers: ['QCWithSSCD'],
    },
    { status: 'accredited' as const, start: new Date('2012-01-01') },
  ],
}));
const spec = { territory: 'DE', sequence: 1, issue: new Date(), next: new Date(Date.now() + 1e10) };
const xml = signWithXmlsec(dir, { ...spec, tsps: [{ name: 'Bench TSP', services }] }, signer);
let t = Date.now();
const verified = verifyEnvelopedXml(xml, [signer.der], 'bench');
const verifyMs = Date.now() - t;
t = Date.now();
const list = parseTrustedList(verified.signedXml);
console.log(
  `${(xml.length / 1e6).toFixed(1)} MB, ${list.services.length} services: verify ${verifyMs} ms, parse ${Date.now() - t} ms`,
);
rmSync(dir, { recursive: true, force: true });
