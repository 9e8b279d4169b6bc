/**
 * PDF page preview with pdf.js, loaded lazily (only when a visible signature is being placed). The bytes come
 * from the bridge (readPdfPreview); pdf.js runs with eval disabled (strict CSP) in its worker.
 */
import type { PDFDocumentProxy, PageViewport } from 'pdfjs-dist';

export interface RenderedPage {
  pageCount: number;
  viewport: PageViewport;
}

let lib: Promise<typeof import('pdfjs-dist')> | null = null;

function pdfjs() {
  lib ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(
    ([m, worker]) => {
      m.GlobalWorkerOptions.workerSrc = worker.default;
      return m;
    },
  );
  return lib;
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const m = await pdfjs();
  return m.getDocument({ data: bytes, isEvalSupported: false, disableAutoFetch: true }).promise;
}

/** Draws page `pageNumber` (1-based) into the canvas, `width` CSS pixels wide. */
export async function renderPage(
  doc: PDFDocumentProxy,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  width: number,
): Promise<RenderedPage> {
  const page = await doc.getPage(Math.min(Math.max(1, pageNumber), doc.numPages));
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: width / base.width });
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${viewport.width}px`;
  canvas.style.height = `${viewport.height}px`;
  await page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] })
    .promise;
  return { pageCount: doc.numPages, viewport };
}
