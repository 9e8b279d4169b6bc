/** Parts of the verification report added by issue 13: FatturaPA key data and ASiC container listing. */
import { z } from 'zod';

const PartySchema = z.object({
  name: z.string().nullable(),
  vatNumber: z.string().nullable(),
  codiceFiscale: z.string().nullable(),
});

export const FatturaPaSchema = z.object({
  transmissionFormat: z.string().nullable(),
  schemaVersion: z.string(),
  sender: PartySchema,
  customer: PartySchema,
  documents: z.array(
    z.object({
      type: z.string().nullable(),
      number: z.string().nullable(),
      date: z.string().nullable(),
      total: z.string().nullable(),
      currency: z.string().nullable(),
    }),
  ),
});
export type FatturaPa = z.infer<typeof FatturaPaSchema>;

export const ContainerSchema = z.object({
  type: z.enum(['ASiC-S', 'ASiC-E']),
  mimetype: z.string().nullable(),
  files: z.array(z.object({ name: z.string(), size: z.number(), signedBy: z.array(z.number().int()) })),
  signatureFiles: z.array(z.string()),
});
export type Container = z.infer<typeof ContainerSchema>;
