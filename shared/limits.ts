/** Size limits for everything that crosses the IPC boundary. Generous for real use, small enough to stop abuse. */
export const LIMITS = {
  /** longest path we accept (Linux PATH_MAX) */
  pathChars: 4096,
  /** files per sign / verify / extract request */
  filesPerRequest: 1000,
  /** any other free text (labels, names, URLs, ids) */
  textChars: 1024,
  /** PIN / PUK length (CNS: 5–8 digits; some tokens allow longer) */
  secretChars: 64,
  /** PDF preview bytes sent to the page */
  previewBytes: 50 * 1024 * 1024,
} as const;
