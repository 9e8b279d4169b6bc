/** TokenInfo → the small JSON the watcher shows (no DER). */
import type { TokenInfo } from '../pkcs11/token-types';
import type { TokenSummary } from './pcsc-events';

export function summarizeToken(t: TokenInfo): TokenSummary {
  return {
    slotId: t.slotId,
    label: t.label,
    manufacturer: t.manufacturer,
    model: t.model,
    serialNumber: t.serialNumber,
    userPin: t.userPin,
    soPin: t.soPin,
    minPinLength: t.minPinLength,
    maxPinLength: t.maxPinLength,
    certificates: t.certificates.map((c) => ({
      id: c.id,
      label: c.label,
      role: c.role,
      subject: c.info.subject.dn,
      notAfter: c.info.notAfter,
    })),
  };
}

/** The tokens in this reader: those whose slot description names it, else (one-slot modules) all of them. */
export function tokensInReader(tokens: TokenInfo[], reader: string): TokenInfo[] {
  const here = tokens.filter(
    (t) =>
      t.slotDescription !== '' && (t.slotDescription.includes(reader) || reader.includes(t.slotDescription)),
  );
  return here.length > 0 ? here : tokens;
}
