/**
 * Issue 21 flow 6, CLI side: a signature whose certificate chains to no trusted anchor tells how to fix it
 * (update the EU trusted lists), in the user's language; a trusted one does not.
 */
import { describe, expect, inject, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { signedP7m } from '../tsl/support/cli-scenario';

const fx = inject('fixture');

describe('sigillo verify: no trust anchor', () => {
  it('says to update the trusted lists (sigillo trust update)', async () => {
    const dir = mkdtempSync(join(fx.root, 'cli-trust-hint-'));
    const p7m = signedP7m(dir, fx.pki);
    const env = { SIGILLO_DATA_DIR: join(dir, 'data'), SIGILLO_LANG: 'it' };
    const r = await runCli(['verify', '--offline', p7m], env);
    expect(r.stdout).toContain('NO_CERTIFICATE_CHAIN_FOUND');
    expect(r.stdout).toContain(
      'aggiorna gli elenchi di fiducia UE (sigillo trust update), poi verifica di nuovo',
    );
    const trusted = await runCli(['verify', '--offline', '--trust', fx.pki.rootPem, p7m], env);
    expect(trusted.stdout).not.toContain('NO_CERTIFICATE_CHAIN_FOUND');
    expect(trusted.stdout).not.toContain('sigillo trust update');
  });
});
