/** Bounds of every certificate-chain walk (issue 19), verification (verify/chain.ts) and signing (sign/issuer-chain.ts) alike. */
/** certificates in a path at most */
export const MAX_DEPTH = 12;
/** candidate issuers tried (signature checked) per certificate at most */
export const MAX_CANDIDATES = 8;
