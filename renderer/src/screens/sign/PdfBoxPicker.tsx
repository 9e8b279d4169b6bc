/**
 * Draw the visible signature box on a preview of the page (pdf.js). The box is kept in PDF points (origin
 * bottom-left) through pdf.js's viewport conversions, so rotation and crop boxes are honoured. The numeric
 * fields beside it stay the keyboard way to set the same box.
 */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy, PageViewport } from 'pdfjs-dist';
import type { VisibleBox } from '../../../../shared/schemas/sign';
import { api, call } from '../../bridge';
import { base64ToBytes, openPdf, renderPage } from './pdfPreview';

/** preview width in CSS pixels, narrower when the column is */
const MAX_WIDTH = 300;

type Corner = { x: number; y: number };

function boxFromCorners(v: PageViewport, a: Corner, b: Corner, page: number): VisibleBox {
  const [x1, y1] = v.convertToPdfPoint(a.x, a.y) as [number, number];
  const [x2, y2] = v.convertToPdfPoint(b.x, b.y) as [number, number];
  const r = (n: number) => Math.round(Math.max(0, n));
  return {
    page,
    x: r(Math.min(x1, x2)),
    y: r(Math.min(y1, y2)),
    w: Math.max(1, r(Math.abs(x2 - x1))),
    h: Math.max(1, r(Math.abs(y2 - y1))),
  };
}

function cssRect(v: PageViewport, b: VisibleBox) {
  const [x1, y1, x2, y2] = v.convertToViewportRectangle([b.x, b.y, b.x + b.w, b.y + b.h]) as number[];
  return {
    left: Math.min(x1 ?? 0, x2 ?? 0),
    top: Math.min(y1 ?? 0, y2 ?? 0),
    width: Math.abs((x2 ?? 0) - (x1 ?? 0)),
    height: Math.abs((y2 ?? 0) - (y1 ?? 0)),
  };
}

export function PdfBoxPicker({
  file,
  box,
  onChange,
}: {
  file: string;
  box: VisibleBox;
  onChange(b: VisibleBox): void;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [viewport, setViewport] = useState<PageViewport | null>(null);
  const [pages, setPages] = useState(0);
  const [failed, setFailed] = useState(false);
  const [drag, setDrag] = useState<{ from: Corner; to: Corner } | null>(null);

  useEffect(() => {
    let live = true;
    setDoc(null);
    setFailed(false);
    void call(() => api().readPdfPreview({ path: file }))
      .then(async (res) => {
        if (!res.ok) throw new Error(res.error.message);
        const d = await openPdf(base64ToBytes(res.value.base64));
        if (live) setDoc(d);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [file]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let live = true;
    const room = (frame.current?.clientWidth ?? MAX_WIDTH) - 2;
    renderPage(doc, box.page, canvas.current, Math.max(160, Math.min(MAX_WIDTH, room)))
      .then((r) => {
        if (!live) return;
        setViewport(r.viewport);
        setPages(r.pageCount);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [doc, box.page]);

  if (failed) return <p className="hint muted">{t('sign.preview.unavailable')}</p>;

  const at = (e: PointerEvent<HTMLDivElement>): Corner => {
    const r = e.currentTarget.getBoundingClientRect();
    return {
      x: Math.min(Math.max(0, e.clientX - r.left), r.width),
      y: Math.min(Math.max(0, e.clientY - r.top), r.height),
    };
  };
  const shown = viewport && drag ? boxFromCorners(viewport, drag.from, drag.to, box.page) : box;
  return (
    <figure className="pdf-preview" ref={frame}>
      <div
        className="pdf-page"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture?.(e.pointerId);
          const c = at(e);
          setDrag({ from: c, to: c });
        }}
        onPointerMove={(e) => drag && setDrag({ ...drag, to: at(e) })}
        onPointerUp={(e) => {
          if (drag && viewport) {
            const b = boxFromCorners(viewport, drag.from, at(e), box.page);
            if (b.w >= 10 && b.h >= 10) onChange(b);
          }
          setDrag(null);
        }}
      >
        <canvas ref={canvas} aria-label={t('sign.preview.label', { page: box.page, pages })} role="img" />
        {viewport && <div className="pdf-box" style={cssRect(viewport, shown)} />}
      </div>
      <figcaption className="hint muted">
        {doc ? t('sign.preview.hint', { page: box.page, pages }) : t('sign.preview.loading')}
      </figcaption>
    </figure>
  );
}
