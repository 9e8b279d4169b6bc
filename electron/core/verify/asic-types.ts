/** What the verification report shows of an ASiC container (ETSI EN 319 162-1): the types of the shared schema. */
export type { ContainerFile, ContainerReport } from '../../../shared/schemas/verify-xades';
