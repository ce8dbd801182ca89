// The one progress bar of the CLI (ingest, build, run): on a terminal, one line redrawn in place on stderr,
// `[########------------]  42%  build 7/11 mart.enterprise_year  1.2M rows/s  ~12 s left`; nothing at all
// when stderr is not a terminal or CI is set. The arithmetic and the formatting are pure and tested; only
// terminalProgressBar writes.
import { type CliIo, isInteractive } from './io.ts';

export interface ProgressUpdate {
  /** What is being done now, e.g. `build 7/11 mart.enterprise_year`. */
  label: string;
  /** Share of the work done, 0–1; null when unknown (then no bar and no time left). */
  fraction: number | null;
  /** Rows processed so far by the current step, for rows per second; a smaller number starts a new step. */
  rows?: number;
}

export interface ProgressBar {
  update(u: ProgressUpdate): void;
  /** Erases the line so other output can be printed; the next update draws it again. */
  clear(): void;
  /** Erases the line and forgets the timing: the work is over. */
  done(): void;
}

export const silentProgressBar: ProgressBar = { update() {}, clear() {}, done() {} };

/** What one line shows. */
export interface ProgressView {
  label: string;
  fraction: number | null;
  rowsPerSecond: number | null;
  secondsLeft: number | null;
}

/** The bar's memory between updates: when the current phase began and recent row counts. */
export interface ProgressState {
  phaseStartMs: number;
  lastFraction: number | null;
  samples: { ms: number; rows: number }[];
}

/** Rows per second are measured over about this much recent time, so the figure follows the current step. */
const RATE_WINDOW_MS = 3000;
/** Time left is only estimated once this much of a phase is done and has taken this long. */
const MIN_FRACTION_FOR_ESTIMATE = 0.02;
const MIN_MS_FOR_ESTIMATE = 1000;

export function initialProgressState(nowMs: number): ProgressState {
  return { phaseStartMs: nowMs, lastFraction: null, samples: [] };
}

/**
 * Folds one update into the state and says what to show. A fraction that goes down starts a new phase (the
 * next stage of a run): its time left is estimated from its own start. Time left = elapsed × (1 − f) / f.
 * Example: started at 0 ms, at 10 000 ms with fraction 0.25 → secondsLeft 30.
 */
export function advanceProgress(
  state: ProgressState,
  u: ProgressUpdate,
  nowMs: number,
): { state: ProgressState; view: ProgressView } {
  const fraction = u.fraction === null ? null : Math.min(1, Math.max(0, u.fraction));
  const newPhase = fraction !== null && state.lastFraction !== null && fraction < state.lastFraction;
  const phaseStartMs = newPhase ? nowMs : state.phaseStartMs;
  let samples = state.samples;
  if (u.rows === undefined) samples = [];
  else {
    const last = samples[samples.length - 1];
    samples = last && u.rows < last.rows ? [] : samples;
    samples = [...samples.filter((s) => nowMs - s.ms <= RATE_WINDOW_MS), { ms: nowMs, rows: u.rows }];
  }
  const first = samples[0];
  const last = samples[samples.length - 1];
  const rowsPerSecond =
    first && last && last.ms - first.ms >= 200
      ? ((last.rows - first.rows) * 1000) / (last.ms - first.ms)
      : null;
  const elapsed = nowMs - phaseStartMs;
  const secondsLeft =
    fraction !== null && fraction >= MIN_FRACTION_FOR_ESTIMATE && elapsed >= MIN_MS_FOR_ESTIMATE
      ? (elapsed * (1 - fraction)) / fraction / 1000
      : null;
  return {
    state: { phaseStartMs, lastFraction: fraction ?? state.lastFraction, samples },
    view: { label: u.label, fraction, rowsPerSecond, secondsLeft },
  };
}

/** `950 rows/s`, `12k rows/s`, `1.2M rows/s`. */
export function formatRate(rowsPerSecond: number): string {
  if (rowsPerSecond >= 1e6) return `${(rowsPerSecond / 1e6).toFixed(1)}M rows/s`;
  if (rowsPerSecond >= 1e4) return `${Math.round(rowsPerSecond / 1e3)}k rows/s`;
  if (rowsPerSecond >= 1e3) return `${(rowsPerSecond / 1e3).toFixed(1)}k rows/s`;
  return `${Math.round(rowsPerSecond)} rows/s`;
}

/** `~8 s left`, `~2 min 05 s left`, `~1 h 02 min left`. */
export function formatTimeLeft(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return `~${s} s left`;
  if (s < 3600) return `~${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s left`;
  return `~${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min left`;
}

/** Fewest columns the label keeps before the rate, then the time left, give way. */
const MIN_LABEL_COLUMNS = 10;

/**
 * The line, within `columns` (a CJK character takes two): bar and percentage always; then the label, cut
 * with "…"; rows per second and time left are dropped (rate first) when they would squeeze the label
 * below MIN_LABEL_COLUMNS.
 */
export function formatProgressLine(view: ProgressView, columns: number, barWidth = 20): string {
  const head =
    view.fraction === null
      ? ''
      : `[${'#'.repeat(Math.round(view.fraction * barWidth)).padEnd(barWidth, '-')}] ${`${Math.floor(view.fraction * 100)}%`.padStart(4)}  `;
  const rate = view.rowsPerSecond === null ? null : formatRate(view.rowsPerSecond);
  const left = view.secondsLeft === null ? null : formatTimeLeft(view.secondsLeft);
  const width = columns - 1;
  for (const parts of [[rate, left], [left], []]) {
    const tail = parts.filter((p): p is string => p !== null).join('  ');
    const room = width - head.length - (tail ? tail.length + 2 : 0);
    if (room >= MIN_LABEL_COLUMNS || parts.length === 0)
      return `${head}${fitColumns(view.label, Math.max(0, room))}${tail ? `  ${tail}` : ''}`.slice(0, width);
  }
  return head;
}

const wide = (c: string) =>
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c);

function fitColumns(text: string, columns: number): string {
  let used = 0;
  let out = '';
  for (const c of text) {
    const w = wide(c) ? 2 : 1;
    if (used + w > columns) return `${out.slice(0, Math.max(0, out.length - 1))}…`;
    out += c;
    used += w;
  }
  return out;
}

/** Redraws at most every MIN_REDRAW_MS (or when the label changes), so a fast loop costs nothing. */
const MIN_REDRAW_MS = 100;

/** The bar on a terminal stream; `now` is injected (tests drive it with a fake clock). */
export function terminalProgressBar(
  out: { write(s: string): unknown; columns?: number },
  now: () => number = () => performance.now(),
): ProgressBar {
  let state: ProgressState | null = null;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastLabel = '';
  let drawn = false;
  return {
    update(u) {
      const t = now();
      const next = advanceProgress(state ?? initialProgressState(t), u, t);
      state = next.state;
      if (t - lastDraw < MIN_REDRAW_MS && u.label === lastLabel) return;
      lastDraw = t;
      lastLabel = u.label;
      out.write(`\r\x1b[2K${formatProgressLine(next.view, out.columns || 80)}`);
      drawn = true;
    },
    clear() {
      if (drawn) out.write('\r\x1b[2K');
      drawn = false;
      lastLabel = '';
      lastDraw = Number.NEGATIVE_INFINITY;
    },
    done() {
      this.clear();
      state = null;
    },
  };
}

/** The bar for a command: drawn on a terminal that is not CI, silent otherwise. */
export function progressBarFor(io: CliIo): ProgressBar {
  return isInteractive(io) ? terminalProgressBar(io.stderr) : silentProgressBar;
}

/**
 * A writer for other output while the bar may be drawn (the run's log lines): it erases the bar first, so a
 * line never follows the bar on the same line; the bar's next update draws it again.
 */
export function besideBar(bar: ProgressBar, out: { write(s: string): unknown }): { write(s: string): void } {
  return {
    write(s: string) {
      bar.clear();
      out.write(s);
    },
  };
}
