/** Italian: the checks before the PIN, a wrong PIN in view, trusted lists in Settings (issue 21 flows). */
export const itFlows = {
  signCheck: {
    checking: 'Controllo dei file…',
    existsTitle_one: 'Il file firmato esiste già',
    existsTitle_other: '{{count}} file firmati esistono già',
    existsBody: 'Non sovrascrivo mai un file senza chiedere. Che cosa vuoi fare?',
    replace: 'Sostituisci',
    rename: 'Salva con un altro nome',
    renameAs: 'diventerà {{name}}',
    problemsTitle: 'Prima di chiedere il PIN: questi file non si possono firmare così',
    FORMAT_NOT_XML:
      '{{file}} non è un documento XML: la firma XAdES è per le fatture elettroniche (FatturaPA) e gli altri file XML. Scegli la firma automatica, PAdES o CAdES, oppure togli il file.',
    FORMAT_NOT_PDF:
      '{{file}} non è un PDF: la firma PAdES è solo per i PDF. Scegli la firma automatica o CAdES (.p7m), oppure togli il file.',
  },
  pinError: {
    PIN_INCORRECT: 'PIN errato: nessun file è stato firmato.',
    PIN_LOCKED: 'Il PIN è bloccato: nessun file è stato firmato. Sbloccalo con il PUK.',
    PIN_FORMAT: 'Il PIN è di {{min}}–{{max}} cifre: quello inserito non è stato provato sulla carta.',
    fewLeft: 'Restano pochi tentativi prima del blocco.',
    finalTry: 'Attenzione: resta un solo tentativo prima del blocco.',
    unknownLeft: 'La carta non dice quanti tentativi restano.',
    retry: 'Riprova',
    formatHint: 'Il PIN è di {{min}}–{{max}} cifre (solo numeri).',
  },
  trustLists: {
    title: 'Elenchi di fiducia UE',
    hint: 'Gli elenchi ufficiali degli enti certificatori qualificati europei (per l’Italia, AgID): servono a riconoscere le firme qualificate. L’app li aggiorna da sola quando hanno più di 7 giorni.',
    never: 'Gli elenchi di fiducia non sono ancora stati scaricati.',
    updated: 'Aggiornati il {{date}} alle {{time}}: {{lists}} elenchi, {{services}} servizi caricati.',
    failures_one: 'Un elenco non è stato aggiornato (resta la copia precedente):',
    failures_other: '{{count}} elenchi non sono stati aggiornati (resta la copia precedente):',
    error: 'Aggiornamento non riuscito: {{message}}',
    update: 'Aggiorna',
    updating: 'Aggiornamento in corso…',
    progress: 'Avanzamento dell’aggiornamento degli elenchi di fiducia',
    progressText: '{{done}} di {{total}} elenchi',
    fixNoAnchor:
      'Per riconoscere l’ente che ha emesso il certificato, aggiorna gli elenchi di fiducia, poi verifica di nuovo.',
    fixButton: 'Aggiorna gli elenchi di fiducia',
  },
};
