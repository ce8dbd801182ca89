/**
 * Names of input files as the data appendix prints them: relative to the folder the run ingested from (the
 * inbox or the directory given to `xiaowei ingest`), never as a path of this machine. Files of one run share
 * that folder, so it is their longest common directory; a run of one file shows its bare name.
 * `sourceDisplayNames([{ file: '/srv/x/inbox/a.csv', run_id: 'r1' }])` → Map { '/srv/x/inbox/a.csv' → 'a.csv' }.
 */
export function sourceDisplayNames(
  sources: readonly { file: string; run_id: string }[],
): Map<string, string> {
  const split = (f: string) => f.split(/[\\/]+/);
  const byRun = new Map<string, string[][]>();
  for (const s of sources) byRun.set(s.run_id, [...(byRun.get(s.run_id) ?? []), split(s.file)]);
  const out = new Map<string, string>();
  for (const s of sources) {
    const parts = split(s.file);
    const others = byRun.get(s.run_id) ?? [parts];
    let common = parts.length - 1; // the directory part only
    for (const o of others) {
      let i = 0;
      while (i < common && i < o.length - 1 && o[i] === parts[i]) i++;
      common = i;
    }
    out.set(s.file, parts.slice(common).join('/'));
  }
  return out;
}

/** The first 12 hex digits of a SHA-256, enough to tell files apart in print; tables keep the full hash. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}
