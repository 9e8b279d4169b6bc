/** Civil-date arithmetic lives with the one formatter in shared/format (CLI, GUI and report count days alike). */
export * from '../../../shared/format/rome-calendar';
