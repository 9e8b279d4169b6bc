/**
 * An ASiC container (ETSI EN 319 162-1) opened for reading: the mimetype entry (expected first and stored), the
 * data files (everything outside META-INF/), the XAdES signature files (META-INF/*signatures*.xml), the CAdES
 * ones (META-INF/*signature*.p7s) and the ASiCManifest files. ASiC-S holds one data file, ASiC-E any number.
 */
import { SigilloError, failure } from '../errors';
import { t } from '../i18n/translate';
import { ZipReader, type ZipEntry } from './zip-reader';

export const ASIC_MIMETYPES = {
  'application/vnd.etsi.asic-e+zip': 'ASiC-E',
  'application/vnd.etsi.asic-s+zip': 'ASiC-S',
} as const;

export interface AsicContainer {
  zip: ZipReader;
  type: 'ASiC-S' | 'ASiC-E';
  mimetype: string | null;
  data: ZipEntry[];
  xades: ZipEntry[];
  cades: ZipEntry[];
  manifests: ZipEntry[];
  /** conformance remarks, in the user's language */
  notes: string[];
  /**
   * why the container is not an ASiC at all (no mimetype entry: EN 319 162-1 §4.4.3.2 requires it; DSS's default
   * MimeTypeFilePresent is FAIL): every signature of it is INDETERMINATE/FORMAT_FAILURE with this message
   */
  formatProblem?: string;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function looksLikeZip(head: Uint8Array): boolean {
  return Buffer.from(head.subarray(0, 4)).equals(ZIP_MAGIC);
}

function metaFile(e: ZipEntry, test: (base: string) => boolean): boolean {
  if (!e.name.startsWith('META-INF/') || e.isDirectory) return false;
  const base = e.name.slice('META-INF/'.length);
  return !base.includes('/') && test(base.toLowerCase());
}

const M = {
  noMimetype: {
    it: 'Contenitore non conforme: manca il file "mimetype" che ogni contenitore ASiC deve avere (ETSI EN 319 162-1): non è un contenitore ASiC valido.',
    en: 'Non-conformant container: the "mimetype" file every ASiC container must have is missing (ETSI EN 319 162-1): not a valid ASiC container.',
  },
  mimetypeValue: {
    it: 'Contenitore non conforme: il file "mimetype" dichiara "{value}", non un tipo ASiC.',
    en: 'Non-conformant container: the "mimetype" file declares "{value}", not an ASiC type.',
  },
  noManifest: {
    it: 'Contenitore ASiC-E senza META-INF/manifest.xml.',
    en: 'ASiC-E container without META-INF/manifest.xml.',
  },
};

export function notAsic(): SigilloError {
  return failure('ASIC_NO_SIGNATURE');
}

export async function openAsic(path: string): Promise<AsicContainer> {
  const zip = await ZipReader.open(path);
  try {
    const notes: string[] = [];
    const mimeEntry = zip.find('mimetype');
    const mimetype = mimeEntry ? (await zip.read(mimeEntry)).toString('latin1').trim() : null;
    if (mimeEntry && ((await zip.firstLocalName()) !== 'mimetype' || mimeEntry.method !== 0)) {
      notes.push(
        t({
          it: 'Contenitore non conforme: "mimetype" non è il primo file o è compresso.',
          en: 'Non-conformant container: "mimetype" is not the first entry or is compressed.',
        }),
      );
    }
    const data = zip.entries.filter(
      (e) => !e.isDirectory && e.name !== 'mimetype' && !e.name.startsWith('META-INF/'),
    );
    const xades = zip.entries.filter((e) =>
      metaFile(e, (b) => b.includes('signatures') && b.endsWith('.xml')),
    );
    const cades = zip.entries.filter((e) =>
      metaFile(e, (b) => b.includes('signature') && b.endsWith('.p7s')),
    );
    const manifests = zip.entries.filter((e) =>
      metaFile(e, (b) => b.startsWith('asicmanifest') && b.endsWith('.xml')),
    );
    if (xades.length + cades.length === 0) throw notAsic();
    const declared = mimetype ? ASIC_MIMETYPES[mimetype as keyof typeof ASIC_MIMETYPES] : undefined;
    // DSS's defaults: AcceptableMimeTypeFileContent WARN; a META-INF/manifest.xml (the manifest of an ASiC-E with
    // XAdES) absent is ManifestFilePresent FAIL there, a remark here: the signatures name the files they cover
    if (mimetype !== null && !declared) notes.push(t(M.mimetypeValue, { value: mimetype.slice(0, 80) }));
    if (declared === 'ASiC-E' && xades.length > 0 && !zip.find('META-INF/manifest.xml'))
      notes.push(t(M.noManifest));
    const formatProblem = mimeEntry ? undefined : t(M.noMimetype);
    const type = declared ?? (data.length === 1 && manifests.length === 0 ? 'ASiC-S' : 'ASiC-E');
    return {
      zip,
      type,
      mimetype,
      data,
      xades,
      cades,
      manifests,
      notes,
      ...(formatProblem ? { formatProblem } : {}),
    };
  } catch (e) {
    await zip.close();
    throw e;
  }
}
