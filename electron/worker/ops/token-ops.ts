/** listTokens and exportCertificate: token facts without login; DER and keys never leave the worker (except .cer files). */
import { join } from 'node:path';
import { withAtomicOutput } from '../../core/files/atomic-output';
import { JsonFileReminderStore, REMINDERS_FILE } from '../../core/renewal/reminder-file-store';
import { tokenRenewal } from '../../core/renewal/token-renewal';
import type { TokenCertificate, TokenInfo } from '../../core/pkcs11/token-types';
import type { ListTokensResponse, TokenView } from '../../../shared/schemas/certificates';
import { withService } from './card-session';
import type { WorkerOp } from '../op-types';

function certView(c: TokenCertificate, renewal: TokenView['certificates'][number]['renewal']) {
  return { id: c.id, label: c.label, role: c.role, info: c.info, renewal };
}

/** The token as the page sees it: no DER; renewal per certificate and for the device (C's rules). */
export async function tokenView(token: TokenInfo, dataDir: string | undefined): Promise<TokenView> {
  const store = dataDir ? new JsonFileReminderStore(join(dataDir, REMINDERS_FILE)) : undefined;
  const renewal = await tokenRenewal(token, { store });
  const { certificates, caCertificates, ...facts } = token;
  return {
    ...facts,
    certificates: certificates.map((c) => certView(c, renewal.forCertificate(c.info.fingerprintSha256))),
    caCertificates: caCertificates.map((c) => certView(c, null)),
    renewal: renewal.device,
  };
}

export const listTokens: WorkerOp<'listTokens'> = async (params) => {
  return withService(params, async (service): Promise<ListTokensResponse> => {
    const tokens = await Promise.all(service.listTokens().map((t) => tokenView(t, params.dataDir)));
    return { module: service.modulePath, tokens };
  });
};

export const exportCertificate: WorkerOp<'exportCertificate'> = async (params) => {
  return withService(params, async (service) => {
    const token = service.findToken(params.token);
    const all = [...token.certificates, ...token.caCertificates];
    const cert =
      all.find((c) => c.id === params.certId.toLowerCase()) ??
      service.chooseCertificate(token, params.certId);
    await withAtomicOutput(params.outputPath, { overwrite: params.overwrite === true }, (h) =>
      h.writeFile(cert.der),
    );
    return { path: params.outputPath };
  });
};
