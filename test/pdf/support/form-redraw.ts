/**
 * An update that changes how the form's fields are drawn, not what they hold: /AcroForm /DR gets a Helvetica
 * re-encoded so that "1" draws "9", and /NeedAppearances is set — a viewer redraws a signed "100" as "900".
 */
import { name, PdfDict, ref } from '../../../electron/core/pdf/pdf-objects';
import { appendUpdate } from './append-update';

export function redrawFormUpdate(input: string, output: string): string {
  return appendUpdate(input, output, (r, n) => {
    const catalog = (r.latest.get(1) as PdfDict).clone();
    const form = (catalog.get('AcroForm') as PdfDict).clone();
    const font = new PdfDict()
      .set('Type', name('Font'))
      .set('Subtype', name('Type1'))
      .set('BaseFont', name('Helvetica'))
      .set(
        'Encoding',
        new PdfDict()
          .set('Type', name('Encoding'))
          .set('BaseEncoding', name('WinAnsiEncoding'))
          .set('Differences', [49, name('nine')]),
      );
    form.set('DR', new PdfDict().set('Font', new PdfDict().set('Helv', ref(n)))).set('NeedAppearances', true);
    return [
      [n, font],
      [1, catalog.set('AcroForm', form)],
    ];
  });
}
