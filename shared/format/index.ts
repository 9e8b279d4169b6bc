/** The one formatter for dates, day counts, amounts and sizes (CLI, window and report PDF). */
export * from './dates';
export * from './numbers';
export * from './rome-calendar';
export * from './fill';
