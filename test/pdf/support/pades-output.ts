/** Test helper: the checks every Sigillo PAdES output must pass, with independent tools (qpdf, pdfsig). */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { pdfsig, pdfsigAsync, qpdfCheck, type NssDb, type PdfsigSignature } from './nss';

/** the incremental update Sigillo appended to `input`, as latin1 text */
export function appendedText(input: string, output: string): string {
  return readFileSync(output).subarray(readFileSync(input).length).toString('latin1');
}

/**
 * `output` starts with the bytes of `input`, passes qpdf --check, and holds `signatures` signatures that pdfsig
 * finds valid and trusted, the last one an ETSI.CAdES.detached covering the whole document.
 */
export function expectGoodPades(
  input: string,
  output: string,
  signatures: number,
  nss: NssDb,
): PdfsigSignature[] {
  expectIncrementOf(input, output);
  return expectGoodSignatures(pdfsig(output, nss), signatures);
}

/** expectGoodPades with pdfsig run without blocking (an OCSP responder in this process must answer it) */
export async function expectGoodPadesAsync(
  input: string,
  output: string,
  signatures: number,
  nss: NssDb,
): Promise<PdfsigSignature[]> {
  expectIncrementOf(input, output);
  return expectGoodSignatures(await pdfsigAsync(output, nss), signatures);
}

function expectIncrementOf(input: string, output: string): void {
  const before = readFileSync(input);
  const after = readFileSync(output);
  expect(after.subarray(0, before.length).equals(before), 'original bytes are a prefix').toBe(true);
  expect(qpdfCheck(output).ok, qpdfCheck(output).output).toBe(true);
}

function expectGoodSignatures(sigs: PdfsigSignature[], signatures: number): PdfsigSignature[] {
  expect(sigs).toHaveLength(signatures);
  for (const s of sigs) {
    expect(s.valid, JSON.stringify(s)).toBe(true);
    expect(s.trusted, JSON.stringify(s)).toBe(true);
  }
  expect(sigs[sigs.length - 1]!.totalDocument).toBe(true);
  expect(sigs[sigs.length - 1]!.subFilter).toBe('ETSI.CAdES.detached');
  return sigs;
}
