import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readSql } from '../../pipelines/db/sqlFile.ts';
import { readRows } from '../../pipelines/db/warehouse.ts';
import { buildUscc, validateUscc } from '../../pipelines/domain/uscc.ts';

// Ingest checks USCCs in SQL (3M rows stay in DuckDB); these macros must agree with the TypeScript validator.
const REFERENCE_CODES = [
  '91310110666007217T',
  '91310115591693856A',
  '91350100M000100Y43',
  '91440101MA5CJQ4N59',
  '9135021359498494XQ',
  '123502001549897397',
  '91350100M000100Y4Z', // position 18 should be 3 (and Z is not a USCC character)
  '91350203M0001QAY9B', // position 18 should be 9
  '91330502MA2B000940', // body ok, position 18 wrong
  '91330502MA2B00099K', // position 17 wrong
  '9133050',
  '91330502ma2b00019k',
];

describe('SQL USCC macros agree with validateUscc', () => {
  it('gives the same format, position-18 and position-17 verdicts on reference and generated codes', async () => {
    const body = (i: number) => `MA${'0123456789ABCDEFGHJKLMNPQRTUWXY'[i % 31]}${String(i).padStart(5, '0')}`;
    const generated = Array.from({ length: 60 }, (_, i) => buildUscc(i % 2 ? '91' : '92', '330502', body(i)));
    const codes = [...REFERENCE_CODES, ...generated];
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    try {
      await con.run(readSql('statements/ingest/macros.sql'));
      for (const code of codes) {
        const [sql] = await readRows(
          con,
          z.object({ f: z.boolean(), c18: z.boolean().nullable(), c17: z.boolean().nullable() }),
          'select xw_uscc_wellformed($c) f, xw_uscc_check18_ok($c) c18, xw_uscc_body_ok($c) c17',
          { c: code },
        );
        const ts = validateUscc(code);
        expect({ code, f: sql.f, ...(sql.f ? { c18: sql.c18, c17: sql.c17 } : {}) }).toEqual({
          code,
          f: ts.formatOk,
          ...(ts.formatOk ? { c18: ts.checkDigitOk, c17: ts.bodyCheckOk } : {}),
        });
      }
      expect(generated.every((c) => validateUscc(c).ok)).toBe(true);
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  });
});
