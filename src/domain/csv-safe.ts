/**
 * Spreadsheet formula injection: Excel and LibreOffice run a cell that starts with = + - @,
 * and some read a leading tab or carriage return the same way. Such a cell gets a leading
 * apostrophe, which a spreadsheet shows as plain text (the apostrophe itself is hidden).
 * A negative number such as -3 is text in our records (no field is signed), so it is guarded too.
 */
export function guardCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function guardCells(values: readonly unknown[]): string[] {
  return values.map(guardCell);
}

/** One guarded cell, quoted for CSV when it needs to be: for writers that stream lines themselves. */
export function csvCell(value: unknown): string {
  const text = guardCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
