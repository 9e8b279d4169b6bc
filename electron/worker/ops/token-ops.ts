/** listTokens and exportCertificate: token facts without login; DER and keys never leave the worker (except .cer files). */
import { writeOutputFile } from './output';
import { deviceRenewal } from '../../core/renewal/device-renewal';
import type { TokenCertificate, TokenInfo } from '../../core/pkcs11/token-types';
import type { ListTokensResponse, TokenView } from '../../../shared/schemas/certificates';
import { withService, type CardParams } from './card-session';
import type { OpHandler } from '../op-types';

function certView(c: TokenCertificate, renewal: TokenView['certificates'][number]['renewal']) {
  return { id: c.id, label: c.label, role: c.role, info: c.info, renewal };
}

export function tokenView(token: TokenInfo, today: Date): TokenView {
  const renewal = deviceRenewal(
    token.certificates.map((c) => c.info),
    today,
  );
  const { certificates, caCertificates, ...facts } = token;
  return {
    ...facts,
    certificates: certificates.map((c, i) => certView(c, renewal.certificates[i] ?? null)),
    caCertificates: caCertificates.map((c) => certView(c, null)),
    renewal: renewal.device,
  };
}

export const listTokens: OpHandler = async (params) =>
  withService(params as CardParams, (service): ListTokensResponse => {
    const now = new Date();
    return { module: service.modulePath, tokens: service.listTokens().map((t) => tokenView(t, now)) };
  });

interface ExportParams extends CardParams {
  token: string;
  certId: string;
  outputPath: string;
  overwrite?: boolean;
}

export const exportCertificate: OpHandler = async (raw) => {
  const params = raw as ExportParams;
  return withService(params, async (service) => {
    const token = service.findToken(params.token);
    const all = [...token.certificates, ...token.caCertificates];
    const cert =
      all.find((c) => c.id === params.certId.toLowerCase()) ??
      service.chooseCertificate(token, params.certId);
    await writeOutputFile(params.outputPath, cert.der, params.overwrite === true);
    return { path: params.outputPath };
  });
};
