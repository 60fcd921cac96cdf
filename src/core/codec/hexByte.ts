/** A byte as two upper-case hex digits, as plans name bytes (`8D`, `E5 8F 82`). */
export function hexByte(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}
