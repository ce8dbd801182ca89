import { readSql } from '../db/sqlFile.ts';
import { quoteIdent, quoteQualified, substitute } from '../db/sqlTemplate.ts';
import type { Check } from './modelFile.ts';

export interface CheckQuery {
  label: string;
  sql: string;
}

/**
 * Turns one declared check into queries that must return zero rows (one per column for not_null). `model` is the
 * relation checked; `names` maps a relationships target to the relation it is being built as. `keyOver`, a
 * parenthesised query, replaces the relation for the unique check only: an incremental update's replaced rows
 * (pipelines/models/incrementalModels.ts).
 */
export function checkQueries(
  model: string,
  check: Check,
  names: ReadonlyMap<string, string> = new Map(),
  keyOver?: string,
): CheckQuery[] {
  const m = quoteQualified(model);
  switch (check.kind) {
    case 'unique':
      return [
        {
          label: `unique(${check.columns.join(', ')})${keyOver ? ' of the rows replaced' : ''}`,
          sql: substitute(readSql('checks/generic/unique.sql'), {
            model: keyOver ?? m,
            columns: check.columns.map(quoteIdent).join(', '),
          }),
        },
      ];
    case 'not_null':
      return check.columns.map((c) => ({
        label: `not_null(${c})`,
        sql: substitute(readSql('checks/generic/not_null.sql'), { model: m, column: quoteIdent(c) }),
      }));
    case 'accepted_values':
      return [
        {
          label: `accepted_values(${check.column})`,
          sql: substitute(readSql('checks/generic/accepted_values.sql'), {
            model: m,
            column: quoteIdent(check.column),
            values: check.values,
          }),
        },
      ];
    case 'relationships':
      return [
        {
          label: `relationships(${check.column} -> ${check.toModel}.${check.toColumn})`,
          sql: substitute(readSql('checks/generic/relationships.sql'), {
            model: m,
            column: quoteIdent(check.column),
            to_model: quoteQualified(names.get(check.toModel) ?? check.toModel),
            to_column: quoteIdent(check.toColumn),
          }),
        },
      ];
    case 'expression':
      return [
        {
          label: `expression(${check.name})`,
          sql: substitute(readSql('checks/generic/expression.sql'), { model: m, condition: check.condition }),
        },
      ];
  }
}
