/** The shared IPC contract (page ↔ main). Import from here. */
export * from './api';
export * from './channels';
export * from './client';
export * from './contract';
export * from './limits';
export * from './validate';
export * from './schemas/certificates';
export * from './schemas/common';
export * from './schemas/events';
export * from './schemas/pin';
export * from './schemas/renewal';
export * from './schemas/settings';
export * from './schemas/sign';
export * from './schemas/system';
export * from './schemas/verify';
