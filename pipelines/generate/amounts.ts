/** Formats an amount held in 0.01 万元 units as 万元 with two decimals, e.g. 123456 → "1234.56". */
export function formatCents(cents: number): string {
  const neg = cents < 0;
  const a = neg ? -cents : cents;
  const whole = Math.floor(a / 100);
  const frac = a - whole * 100;
  return `${neg ? '-' : ''}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

/** Parses "1234.56" back to cents (inputs are the generator's own output). */
export function parseCents(s: string): number {
  return Math.round(Number(s) * 100);
}

/** The same amount in 元: 0.01 万元 = 100 元, so exact as an integer. */
export function yuanOfCents(cents: number): string {
  return String(cents * 100);
}

/** "1234567.5" → "1,234,567.5" (thousands-separator fault). */
export function withThousands(s: string): string {
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const dot = body.indexOf('.');
  const int = dot < 0 ? body : body.slice(0, dot);
  const rest = dot < 0 ? '' : body.slice(dot);
  return `${neg ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${rest}`;
}
