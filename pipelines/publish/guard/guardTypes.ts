export type GuardCheck =
  | 'uscc'
  | 'name_column'
  | 'machine_path'
  | 'formula_cell'
  | 'small_count'
  | 'withheld_value'
  | 'unreadable';

export interface GuardFinding {
  /** Path relative to the output root. */
  file: string;
  check: GuardCheck;
  /** Where in the file and what: 'row 3, column 新设: 2'. Never the whole file. */
  detail: string;
}

export interface GuardOptions {
  /** Publication minimum: an enterprise count of 1..min−1 is a small cell. */
  min: number;
  /** Exact values of the cells the layer withheld: none may appear in an output (see Disclosure.withheldValues). */
  withheldValues: readonly number[];
  /** Absolute paths of this machine (output root, warehouse, working and home directories). */
  machinePaths: readonly string[];
}

export interface PublicFile {
  /** Absolute path of the file to read. */
  path: string;
  /** Path relative to the output root, as findings name it. */
  relPath: string;
  /** A verbatim copy of a vendored asset (vega bundles, fonts): not data, counted but not scanned. */
  vendored?: boolean;
}

export interface GuardReport {
  findings: GuardFinding[];
  /** Files whose content was scanned. */
  scanned: number;
  /** Binary renderings of scanned sources (PNG of an SVG, PDF of the HTML) and vendored copies: not scanned. */
  skipped: number;
}
