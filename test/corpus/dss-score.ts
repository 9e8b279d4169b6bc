/** Scores the DSS/pyHanko corpus: `npx tsx test/corpus/dss-score.ts [substring]` prints the wrong files and the score. */
import { join } from 'node:path';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import {
  DSS,
  dssRows,
  integrityVerdict,
  integrityMatches,
  modifiedVerdict,
} from '../../test/support/dss-corpus';
(async () => {
  let ok = 0,
    bad = 0;
  const only = process.argv[2];
  for (const row of dssRows()) {
    if (only && !row.file.includes(only)) continue;
    const t0 = Date.now();
    let r;
    try {
      r = await verifyFile(join(DSS, row.file), {
        trust: new TrustStore([]),
        offline: true,
        ...(row.content ? { content: join(DSS, row.content) } : {}),
      } as never);
    } catch (e) {
      console.log('THROW', row.file, e);
      bad++;
      continue;
    }
    const integ = integrityVerdict(r);
    const mod = row.modified === '-' ? '-' : modifiedVerdict(r);
    const good = integrityMatches(row, integ) && (row.modified === '-' || mod === row.modified);
    if (good) ok++;
    else bad++;
    const ms = Date.now() - t0;
    if (!good || only)
      console.log(
        `${good ? 'OK ' : 'BAD'} ${row.file} exp=${row.integrity}/${row.modified} got=${integ}/${mod} ${r.error ? r.error.code + ':' + r.error.message.slice(0, 100) : ''} sigs=${r.signatures.length} ${ms}ms`,
      );
  }
  console.log(`${ok} right, ${bad} wrong`);
})();
