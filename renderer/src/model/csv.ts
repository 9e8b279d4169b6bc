/** CSV for the batch table (RFC 4180 quoting; `;` separator, which Italian spreadsheets open directly). */
export function csvCell(value: string): string {
  // A leading = + - @ would be read as a formula by spreadsheets: neutralise it.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
