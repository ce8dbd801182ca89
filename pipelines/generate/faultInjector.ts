import { USCC_CHARSET } from '../domain/uscc.ts';
import { withThousands } from './amounts.ts';
import { type Column, columnIndex } from './columns.ts';
import { dayOf, isoDate } from './dates.ts';
import type { RowWriter } from './lineWriter.ts';
import type { Rng } from './random.ts';

export type FaultName =
  | 'uscc_malformed'
  | 'uscc_check_digit'
  | 'date_unparseable'
  | 'date_future'
  | 'closed_before_established'
  | 'duplicate_exact'
  | 'duplicate_conflict'
  | 'negative_revenue'
  | 'tech_staff_exceeds_employees'
  | 'county_unknown'
  | 'yuan_header'
  | 'thousands_separator'
  | 'chinese_date'
  | 'blank_line'
  | 'truncated_last_line';

/** One line of faults.csv: the physical line (header = 1) and contract column (English key, or empty). */
export interface FaultRecord {
  file: string;
  line: number;
  column: string;
  fault: FaultName;
}

export type ExtractKind = 'registry' | 'indicators' | 'plan';

/** Row-level faults that each extract kind can carry. */
const ROW_FAULTS: Record<ExtractKind, FaultName[]> = {
  registry: [
    'uscc_malformed',
    'uscc_check_digit',
    'date_unparseable',
    'date_future',
    'closed_before_established',
    'duplicate_exact',
    'duplicate_conflict',
    'county_unknown',
    'thousands_separator',
    'chinese_date',
    'blank_line',
  ],
  indicators: [
    'uscc_malformed',
    'uscc_check_digit',
    'duplicate_exact',
    'duplicate_conflict',
    'negative_revenue',
    'tech_staff_exceeds_employees',
    'thousands_separator',
    'blank_line',
  ],
  plan: ['duplicate_exact', 'duplicate_conflict', 'county_unknown', 'thousands_separator', 'blank_line'],
};

const UNKNOWN_COUNTIES = ['330590', '330598', '339999'];

interface Pending {
  fields: string[];
  due: number;
  conflictColumn: string | null;
}

/**
 * Sits between the row builder and the writer and injects faults at `rate` per row, one fault per
 * row, recording each in `faults`. The last regular row is held back so that a truncated last line is
 * always a clean row cut short. Duplicate copies come 1–20 rows after their original.
 */
export class FaultInjector {
  private held: string[] | null = null;
  private pending: Pending[] = [];
  private rowsSeen = 0;
  private readonly kinds: FaultName[];
  private readonly idx: Record<string, number>;
  private readonly asOf: number;

  constructor(
    private readonly out: RowWriter,
    private readonly opts: {
      file: string;
      kind: ExtractKind;
      columns: Column[];
      rate: number;
      rng: Rng;
      /** Extract date (registry: the snapshot date); dates after it are "future". */
      asOfYear: number;
      truncateLast: boolean;
      faults: FaultRecord[];
    },
  ) {
    this.kinds = ROW_FAULTS[opts.kind];
    this.idx = Object.fromEntries(opts.columns.map((c, k) => [c.key, k]));
    this.asOf = dayOf(opts.asOfYear, 12, 31);
  }

  /** Records the yuan_header fault on line 1 for every amount column. */
  recordYuanHeader(): void {
    for (const c of this.opts.columns) if (c.type === 'amount') this.record(1, c.key, 'yuan_header');
  }

  row(fields: string[]): void {
    if (this.held) this.emit(this.held);
    this.held = fields;
  }

  finish(): void {
    const last = this.held;
    this.held = null;
    if (last && !this.opts.truncateLast) this.emit(last);
    for (const p of this.pending) this.writeCopy(p);
    this.pending = [];
    if (last && this.opts.truncateLast) {
      const line = last.join(',');
      const cut = Math.max(1, Math.floor(line.length * (0.4 + 0.3 * this.opts.rng.next())));
      this.record(this.out.nextLine, '', 'truncated_last_line');
      this.out.rawEnd(line.slice(0, cut));
    }
  }

  private record(line: number, column: string, fault: FaultName): void {
    this.opts.faults.push({ file: this.opts.file, line, column, fault });
  }

  private emit(fields: string[]): void {
    this.rowsSeen++;
    const { rng, rate } = this.opts;
    if (rate > 0 && rng.chance(rate)) this.inject(fields);
    else this.out.row(fields);
    for (let k = 0; k < this.pending.length; ) {
      if (this.pending[k].due <= this.rowsSeen) {
        this.writeCopy(this.pending[k]);
        this.pending.splice(k, 1);
      } else k++;
    }
  }

  private writeCopy(p: Pending): void {
    this.record(
      this.out.nextLine,
      p.conflictColumn ?? '',
      p.conflictColumn ? 'duplicate_conflict' : 'duplicate_exact',
    );
    this.out.row(p.fields);
  }

  /** Applies one fault; falls back to a clean row when the drawn fault does not fit this row. */
  private inject(fields: string[]): void {
    const { rng } = this.opts;
    const fault = this.kinds[rng.int(this.kinds.length)];
    const f = [...fields];
    const line = this.out.nextLine;
    const set = (key: string, value: string): boolean => {
      f[this.idx[key]] = value;
      this.record(line, key, fault);
      return true;
    };
    const get = (key: string): string => f[this.idx[key]];
    let applied = false;
    switch (fault) {
      case 'uscc_malformed': {
        const u = get('uscc');
        const v = rng.int(3);
        applied = set(
          'uscc',
          v === 0 ? u.slice(0, 17) : v === 1 ? `${u}0` : `${u.slice(0, 10)}O${u.slice(11)}`,
        );
        break;
      }
      case 'uscc_check_digit': {
        const u = get('uscc');
        const pos = USCC_CHARSET.indexOf(u[17]);
        applied = set('uscc', u.slice(0, 17) + USCC_CHARSET[(pos + 1 + rng.int(30)) % 31]);
        break;
      }
      case 'date_unparseable': {
        const d = get('established_on');
        applied = set('established_on', rng.chance(0.5) ? `${d.slice(0, 4)}-13-${d.slice(8, 10)}` : '不详');
        break;
      }
      case 'date_future':
        if (get('closed_on') === '') applied = set('established_on', isoDate(this.asOf + 1 + rng.int(365)));
        break;
      case 'closed_before_established': {
        const est = Date.parse(get('established_on')) / 86_400_000;
        if (get('closed_on') === '') f[this.idx.status] = '注销';
        applied = set('closed_on', isoDate(est - 1 - rng.int(365)));
        break;
      }
      case 'chinese_date': {
        const [y, m, d] = get('established_on').split('-');
        applied = set('established_on', `${y}年${Number(m)}月${Number(d)}日`);
        break;
      }
      case 'county_unknown': {
        const key = this.opts.kind === 'plan' ? 'region_code' : 'county_code';
        applied = set(key, UNKNOWN_COUNTIES[rng.int(UNKNOWN_COUNTIES.length)]);
        break;
      }
      case 'thousands_separator': {
        const key =
          this.opts.kind === 'registry'
            ? 'registered_capital'
            : this.opts.kind === 'plan'
              ? 'value'
              : 'revenue';
        const v = get(key);
        if (v !== '' && Math.abs(Number(v)) >= 1000) applied = set(key, withThousands(v));
        break;
      }
      case 'negative_revenue': {
        const v = get('revenue');
        if (Number(v) > 0) applied = set('revenue', `-${v}`);
        break;
      }
      case 'tech_staff_exceeds_employees':
        applied = set('tech_staff', String(Number(get('employees')) + 1 + rng.int(5)));
        break;
      case 'blank_line':
        this.record(line, '', 'blank_line');
        this.out.blank();
        this.out.row(f);
        return;
      case 'duplicate_exact':
      case 'duplicate_conflict': {
        const conflictColumn = fault === 'duplicate_conflict' ? this.conflictColumn() : null;
        const copy = [...f];
        if (conflictColumn) {
          const k = this.idx[conflictColumn];
          copy[k] =
            conflictColumn === 'name' ? `${copy[k]}（变更）` : String(Number(copy[k]) + 1 + rng.int(9));
          this.record(line, conflictColumn, 'duplicate_conflict');
        }
        this.out.row(f);
        this.pending.push({ fields: copy, due: this.rowsSeen + 1 + rng.int(20), conflictColumn });
        return;
      }
      default:
        break;
    }
    if (!applied) {
      this.out.row(fields);
      return;
    }
    this.out.row(f);
  }

  private conflictColumn(): string {
    return this.opts.kind === 'registry' ? 'name' : this.opts.kind === 'indicators' ? 'employees' : 'value';
  }
}

/** Validates the contract column set once (throws early if columns change). */
export function assertFaultColumns(columns: Column[], kind: ExtractKind): void {
  const need: Record<ExtractKind, string[]> = {
    registry: ['uscc', 'established_on', 'closed_on', 'status', 'county_code', 'registered_capital', 'name'],
    indicators: ['uscc', 'revenue', 'employees', 'tech_staff'],
    plan: ['region_code', 'value'],
  };
  for (const k of need[kind]) columnIndex(columns, k);
}
