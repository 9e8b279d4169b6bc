/**
 * Test helper: `sigillo verify --json` through the built CLI, its reports parsed (one FileReport per file). Every
 * report goes through the shared strict schema (issue 20 §3), so each test that verifies also checks the model.
 */
import { z } from 'zod';
import type { FileReport } from '../../electron/core/verify/types';
import { FileReportSchema } from '../../shared/schemas/verify';
import { describeIssues } from '../../shared/validate';
import { runCli } from './cli';

export interface VerifyJsonResult {
  code: number;
  stderr: string;
  files: FileReport[];
}

/** Parses `verify --json` output with the shared schema; throws naming the file and the fields that do not fit. */
export function parseReports(stdout: string): FileReport[] {
  const raw: unknown = JSON.parse(stdout);
  const parsed = z.array(FileReportSchema).safeParse(raw);
  if (!parsed.success)
    throw new Error(`verify --json does not fit FileReportSchema: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Runs `sigillo verify --json ...args` and parses its stdout. */
export async function verifyJson(args: string[], env: NodeJS.ProcessEnv = {}): Promise<VerifyJsonResult> {
  const r = await runCli(['verify', '--json', ...args], env);
  return { code: r.code, stderr: r.stderr, files: parseReports(r.stdout) };
}
