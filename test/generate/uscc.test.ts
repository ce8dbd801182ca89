import { describe, expect, it } from 'vitest';
import {
  buildUscc,
  isValidUscc,
  orgCheckChar,
  usccCheckChar,
  validateUscc,
} from '../../pipelines/domain/uscc.ts';

// reference.md §1.6: each passes both the position-18 and the GB 11714 body check.
const VALID = [
  '91310110666007217T',
  '91310115591693856A',
  '91350100M000100Y43',
  '91440101MA5CJQ4N59',
  '9135021359498494XQ',
  '123502001549897397',
];

describe('validateUscc', () => {
  it.each(VALID)('accepts the published valid code %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, formatOk: true, checkDigitOk: true, bodyCheckOk: true });
  });

  it('computes the standard worked example: sum 1640, 1640 mod 31 = 28, C18 = 31 − 28 = 3', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('rejects the printed worked example …Y4Z (Z is outside the alphabet, and position 18 should be 3)', () => {
    expect(validateUscc('91350100M000100Y4Z').ok).toBe(false);
    expect(validateUscc('91350100M000100Y4Z').formatOk).toBe(false);
  });

  it('flags 91350203M0001QAY9B as well-formed with a failed position-18 check (should be 9)', () => {
    expect(validateUscc('91350203M0001QAY9B')).toEqual({
      ok: false,
      formatOk: true,
      checkDigitOk: false,
      bodyCheckOk: true,
    });
    expect(usccCheckChar('91350203M0001QAY9')).toBe('9');
  });

  it('reports a failed body check (position 17) separately from position 18', () => {
    // 9135021359498494XQ has body check X; swap it to 0 and recompute position 18 so only the body fails.
    const first17 = '913502135949849' + '40';
    const code = first17 + usccCheckChar(first17);
    const v = validateUscc(code);
    expect(v.checkDigitOk).toBe(true);
    expect(v.bodyCheckOk).toBe(false);
    expect(v.ok).toBe(false);
  });

  it('rejects wrong lengths and illegal letters (I, O, S, V, Z)', () => {
    expect(isValidUscc('91310110666007217')).toBe(false);
    expect(isValidUscc('91310110666007217TT')).toBe(false);
    expect(isValidUscc('91310110666O07217T')).toBe(false);
    expect(validateUscc('9131011066600721IT').formatOk).toBe(false);
  });
});

describe('orgCheckChar', () => {
  it("maps 10 to 'X' (body 59498494 → X, from 9135021359498494XQ)", () => {
    expect(orgCheckChar('59498494')).toBe('X');
  });
  it('uses the 36-character value table for letters (MA5CJQ4N → 5)', () => {
    expect(orgCheckChar('MA5CJQ4N')).toBe('5');
  });
});

describe('buildUscc', () => {
  it('builds codes that validate, with the registering region in positions 3–8', () => {
    const code = buildUscc('92', '330502', 'MA2B3C4D');
    expect(code.slice(2, 8)).toBe('330502');
    expect(isValidUscc(code)).toBe(true);
  });
});
