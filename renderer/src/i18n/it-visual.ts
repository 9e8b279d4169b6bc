/** Italian: the visual comparison of a signed PDF's versions (issue 23). */
export const itVisual = {
  visual: {
    show: 'Mostra le differenze',
    hide: 'Nascondi le differenze',
    title: 'Che cosa è cambiato dopo la firma',
    loading: 'Confronto delle versioni in corso…',
    signature: 'Firma {{n}} — {{name}}',
    panels:
      'A sinistra la versione firmata, al centro il documento attuale, a destra le differenze in rosso.',
    changed: 'Pagina {{page}}: modificata ({{pct}} dei punti)',
    added: 'Pagina {{page}}: aggiunta dopo la firma',
    removed: 'Pagina {{page}}: tolta dopo la firma',
    imageAlt:
      'Pagina {{page}}: versione firmata, documento attuale e differenze evidenziate in {{count}} riquadri rossi',
    identical_one: 'La pagina {{pages}} è identica alla versione firmata.',
    identical_other: 'Le pagine {{pages}} sono identiche alla versione firmata.',
    notCompared: 'Pagine non confrontate (oltre il limite): {{pages}}.',
    harmless:
      'Dopo questa firma ci sono solo modifiche consentite (altre firme, marche temporali, dati di validazione): nessuna differenza visibile.',
    noVisible: 'Nessuna differenza visibile nelle pagine.',
    invisibleRefused:
      'Nessuna differenza visibile, ma il file è stato modificato in modo non consentito: vedi l’elenco delle modifiche.',
    covers: 'Questa firma copre tutto il documento.',
    changeList: 'Modifiche trovate dall’analisi del file',
    close: 'Chiudi',
  },
};
