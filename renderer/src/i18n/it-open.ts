/** Italian: "Apri il documento firmato" (issue 21 flow 5). */
export const itOpen = {
  open: {
    document: 'Apri il documento firmato',
    revision: 'Apri la versione firmata',
    revisionOf: 'Apri la versione firmata da {{name}} (firma {{n}})',
    opening: 'Preparazione del documento firmato…',
    opened:
      '{{name}} aperto con il programma predefinito. È una copia temporanea: si cancella alla chiusura di Sigillo.',
    downloaded: '{{name}} scaricato dal browser.',
    saved: {
      program:
        '{{name}} è un programma: Sigillo non lo apre. È salvato in {{path}} — aprilo solo se ti fidi di chi l’ha firmato.',
      script:
        '{{name}} è uno script: Sigillo non lo apre. È salvato in {{path}} — aprilo solo se ti fidi di chi l’ha firmato.',
      active:
        '{{name}} è una pagina che può eseguire codice: Sigillo non la apre. È salvata in {{path}} — aprila solo se ti fidi di chi l’ha firmata.',
    },
  },
};
