/**
 * pdf.js in Node (legacy build, @napi-rs/canvas through its NodeCanvasFactory): opens a revision's bytes and
 * renders a page to RGBA at the comparison scale, the longest side bounded. Runs on the visual-diff thread only.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createCanvas } from '@napi-rs/canvas';
import type { Raster } from './raster';
import type { VisualLimits } from './visual-limits';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const localRequire = createRequire(join(__dirname, 'render-page.js'));
let lib: Promise<PdfJs> | undefined;

/** the package folder, for the standard fonts, CMaps and wasm decoders pdf.js reads from disk in Node */
function pdfjsRoot(): string {
  return dirname(localRequire.resolve('pdfjs-dist/package.json'));
}

function pdfjs(): Promise<PdfJs> {
  // pdf.js is an ES module: import() (kept as such in the CommonJS build) by its resolved file URL
  const url = pathToFileURL(localRequire.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  lib ??= import(url) as Promise<PdfJs>;
  return lib;
}

export async function openDocument(bytes: Uint8Array, limits: VisualLimits): Promise<PDFDocumentProxy> {
  const m = await pdfjs();
  const root = pdfjsRoot();
  return m.getDocument({
    data: bytes.slice(), // pdf.js takes the buffer over
    isEvalSupported: false,
    disableAutoFetch: true,
    maxImageSize: limits.maxImagePixels,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    wasmUrl: join(root, 'wasm') + '/',
    verbosity: 0,
  }).promise;
}

/** the scale for a page of w × h points: limits.scale, less when the longest side would exceed maxSide */
export function scaleFor(w: number, h: number, limits: VisualLimits): number {
  const longest = Math.max(w, h, 1);
  return Math.min(limits.scale, limits.maxSide / longest);
}

export async function renderPage(doc: PDFDocumentProxy, n: number, limits: VisualLimits): Promise<Raster> {
  const page = await doc.getPage(n);
  try {
    const base = page.getViewport({ scale: 1 });
    const scale = scaleFor(base.width, base.height, limits);
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.ceil(viewport.width));
    const height = Math.max(1, Math.ceil(viewport.height));
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: ctx as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    const data = ctx.getImageData(0, 0, width, height).data;
    return { width, height, data, scale, pageWidth: base.width, pageHeight: base.height };
  } finally {
    page.cleanup();
  }
}
