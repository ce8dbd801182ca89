// User-facing messages live here, one entry per message, so wording is reviewed in one place and the same
// situation is always told the same way. Analysts read them: Chinese where the report is Chinese, plain English
// for operator-facing CLI text. Code throws `UserError('id', params)`; `formatError` prints it.
//
// Add an entry when you add a message; never build user-facing text inline in a command.

type Params = Record<string, string | number>;

export const CATALOGUE = {
  'cli.unexpected': (p: Params) => `${p.message}`,
  'db.not_duckdb': (p: Params) =>
    `${p.path} is not a DuckDB warehouse (${p.what}); pass --db a .duckdb file or a new path`,
  'db.bad_setting': (p: Params) => `${p.variable}=${p.value}: ${p.reason}`,
} satisfies Record<string, (p: Params) => string>;

export type MessageId = keyof typeof CATALOGUE;

/** An error whose text comes from the catalogue: printed as is, without a stack trace. */
export class UserError extends Error {
  constructor(
    readonly id: MessageId,
    readonly params: Params = {},
  ) {
    super(CATALOGUE[id](params));
    this.name = 'UserError';
  }
}

/** The text of catalogue message `id`, for output that is not an error (warnings, notes). */
export function message(id: MessageId, params: Params = {}): string {
  return CATALOGUE[id](params);
}
