/** Italian: signing levels, detached and counter-signatures on the Sign screen, output labels, the TSA check. */
export const itSignLevels = {
  tsaCheck: {
    invalid:
      'Indirizzo del servizio non valido: deve iniziare con https:// (o http://) e non contenere spazi.',
  },
  signLevel: {
    legend: 'Livello della firma',
    B: 'B — firma digitale',
    T: 'T — con marca temporale (data certa)',
    LT: 'LT — con marca, certificati e dati di revoca (verificabile nel tempo)',
    LTA: 'LTA — come LT, più una marca d’archivio (conservazione a lungo termine)',
    tsaFrom: 'Marca temporale da {{url}}.',
    needsTsa:
      'I livelli T, LT e LTA richiedono un servizio di marca temporale (TSA): indicalo in Impostazioni, alla voce «Marca temporale».',
    xadesUpToT: 'Le firme XAdES arrivano fino al livello T (XAdES-T, con marca temporale).',
    countersignUpToT: 'Le controfirme arrivano fino al livello T.',
    detachedUpToLt: 'Le firme separate arrivano fino al livello LT.',
    kind: 'Tipo di firma',
    detached: 'Firma separata (.p7s)',
    detachedHint:
      'Il documento resta com’è: si crea solo NOME.p7s, da conservare e inviare insieme al documento.',
    countersign: 'Controfirma una firma esistente (file .p7m)',
    countersignSigner: 'Firma da controfirmare (1 = la prima)',
    countersignHint:
      'La controfirma si salva con lo stesso nome del file .p7m: scegli una cartella di destinazione diversa.',
    label: {
      cades: 'CAdES (.p7m)',
      detached: 'CAdES separata (.p7s)',
      pades: 'PAdES',
      xades: 'XAdES',
      countersign: 'Controfirma CAdES',
      level: 'livello {{level}}',
    },
  },
};
