// Preloaded (NODE_OPTIONS=--require) into the CLI child of the hostile-files fuzz run: at exit, writes the peak
// resident set size in KiB (process.resourceUsage().maxRSS) to FUZZ_RSS_OUT.
'use strict';
process.on('exit', () => {
  const out = process.env.FUZZ_RSS_OUT;
  if (out) require('node:fs').writeFileSync(out, String(process.resourceUsage().maxRSS));
});
