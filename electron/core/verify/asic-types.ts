/** What the verification report shows of an ASiC container (ETSI EN 319 162-1). Plain JSON. */
export interface ContainerFile {
  /** path inside the container */
  name: string;
  size: number;
  /** indexes (in the report's signatures array) of the signatures covering this file */
  signedBy: number[];
}

export interface ContainerReport {
  type: 'ASiC-S' | 'ASiC-E';
  /** the mimetype entry, when present */
  mimetype: string | null;
  /** the data files (META-INF excluded) */
  files: ContainerFile[];
  /** signature files found under META-INF/ */
  signatureFiles: string[];
}
