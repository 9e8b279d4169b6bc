/** Application menu: standard roles only (the UI has its own navigation). Labels follow the UI language. */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { getLang } from '../../core/i18n/translate';

export function installMenu(): void {
  const it = getLang() === 'it';
  const mac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: it ? 'File' : 'File',
      submenu: [mac ? { role: 'close' as const } : { role: 'quit' as const, label: it ? 'Esci' : 'Quit' }],
    },
    { role: 'editMenu', label: it ? 'Modifica' : 'Edit' },
    { role: 'viewMenu', label: it ? 'Visualizza' : 'View' },
    { role: 'windowMenu', label: it ? 'Finestra' : 'Window' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  app.setAboutPanelOptions({ applicationName: 'Sigillo', applicationVersion: app.getVersion() });
}
