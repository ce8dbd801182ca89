// 统一社会信用代码 (GB 32100-2015): structure and both check digits, per reference.md §1.

/** The 31 characters a USCC may contain; a character's value is its index (I, O, Z, S, V unused). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 11714 value table: the body check (position 17) uses these values, e.g. J = 19 here, not 18. */
const ORG_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** W_i = 3^(i-1) mod 31, i = 1..17. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const USCC_FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Position-18 check character of the first 17 characters (GB/T 17710 MOD 31). `usccCheckChar('91350100M000100Y4') === '3'`. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** GB 11714 check character of an 8-character organization-code body: '0'–'9' or 'X'. */
export function orgCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_CHARSET.indexOf(body8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 11 ? '0' : c === 10 ? 'X' : String(c);
}

export interface UsccValidation {
  /** Well-formed and both check digits hold. */
  ok: boolean;
  /** 18 characters of the USCC alphabet, positions 3–8 digits. */
  formatOk: boolean;
  /** Position 18 matches GB/T 17710 MOD 31. */
  checkDigitOk: boolean;
  /** Position 17 matches the GB 11714 check of positions 9–16. */
  bodyCheckOk: boolean;
}

/** Validates a USCC; a malformed code reports every part false. */
export function validateUscc(code: string): UsccValidation {
  if (!USCC_FORMAT.test(code)) return { ok: false, formatOk: false, checkDigitOk: false, bodyCheckOk: false };
  const checkDigitOk = usccCheckChar(code.slice(0, 17)) === code[17];
  const bodyCheckOk = orgCheckChar(code.slice(8, 16)) === code[16];
  return { ok: checkDigitOk && bodyCheckOk, formatOk: true, checkDigitOk, bodyCheckOk };
}

export function isValidUscc(code: string): boolean {
  return validateUscc(code).ok;
}

/** Builds a valid USCC from a 2-character prefix (91/92/93), a 6-digit region and an 8-character body. */
export function buildUscc(prefix2: string, region6: string, body8: string): string {
  const first17 = prefix2 + region6 + body8 + orgCheckChar(body8);
  return first17 + usccCheckChar(first17);
}
