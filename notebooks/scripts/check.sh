#!/usr/bin/env bash
# Notebook check (CI and `npm run notebooks:check`):
#   1. notebooks are committed without outputs;
#   2. their code type-checks (code cells exported to .ts, then `deno check`);
#   3. every notebook runs headlessly on a small generated warehouse (`jupyter nbconvert --execute`);
#      any cell error, or a show() that produced no output, fails the check.
# Needs Debian's jupyter-nbconvert and the npm `deno` devDependency. Touches nothing outside a temp dir:
# the Deno kernelspec goes into a temporary Jupyter data dir, the warehouse into a temp file.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
TIMEOUT="${XIAOWEI_NOTEBOOK_TIMEOUT:-120}"   # seconds per cell

mapfile -t NOTEBOOKS < <(ls notebooks/*.ipynb | sort)
if [ "${#NOTEBOOKS[@]}" -eq 0 ]; then echo "notebooks:check: no notebooks found" >&2; exit 1; fi

if ! command -v jupyter-nbconvert >/dev/null 2>&1; then
  echo "notebooks:check: jupyter-nbconvert is missing (Debian: apt-get install jupyter-nbconvert)" >&2
  exit 1
fi
DENO="$ROOT/node_modules/.bin/deno"
if [ ! -x "$DENO" ]; then echo "notebooks:check: $DENO is missing (npm install)" >&2; exit 1; fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/xw-notebooks-XXXXXX")"
CHECK_DIR="$(mktemp -d "$ROOT/notebooks/.typecheck-XXXXXX")"   # inside the repo: imports resolve from here
cleanup() { rm -rf "$WORK" "$CHECK_DIR"; }
trap cleanup EXIT
export DENO_NO_UPDATE_CHECK=1 DENO_NO_PROMPT=1 NO_COLOR=1
export XDG_DATA_HOME="$WORK/xdg" JUPYTER_DATA_DIR="$WORK/xdg/jupyter" \
       JUPYTER_CONFIG_DIR="$WORK/jupyter-config" JUPYTER_RUNTIME_DIR="$WORK/jupyter-runtime"
start=$SECONDS

echo "== 1/3 notebooks committed without outputs"
node --import tsx notebooks/scripts/notebooksCli.ts check-clean "${NOTEBOOKS[@]}"

echo "== 2/3 type-check notebook code (deno check)"
node --import tsx notebooks/scripts/notebooksCli.ts export "$CHECK_DIR" "${NOTEBOOKS[@]}"
"$DENO" check --quiet "$CHECK_DIR"/*.ts notebooks/lib/*.ts notebooks/scripts/*.ts
echo "type-check ok: ${#NOTEBOOKS[@]} notebook(s)"

if [ -n "${XIAOWEI_NOTEBOOK_DB:-}" ]; then
  # Run against an existing warehouse instead (opened read-only by the notebooks).
  echo "== 3/3 execute notebooks on $XIAOWEI_NOTEBOOK_DB"
  export XIAOWEI_DB="$XIAOWEI_NOTEBOOK_DB"
else
  echo "== 3/3 execute notebooks on a generated tiny warehouse"
  # --dirty gives the quarantine section of 01 something to show.
  node bin/xiaowei.js generate --scale tiny --seed 1 --dirty 0.01 --out "$WORK/extracts" >/dev/null
  node bin/xiaowei.js ingest "$WORK/extracts" --db "$WORK/warehouse.duckdb" --run-id notebooks-check >/dev/null
  node bin/xiaowei.js build --db "$WORK/warehouse.duckdb" >/dev/null
  export XIAOWEI_DB="$WORK/warehouse.duckdb"
fi
"$DENO" jupyter --install --force >/dev/null 2>&1
failed=0
execute() {
  jupyter-nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=deno \
    --ExecutePreprocessor.timeout="$TIMEOUT" --output-dir "$WORK/executed" "$1" >"$WORK/nbconvert.log" 2>&1
}
# Every show() must have produced an output. Deno's kernel has dropped a display now and then (see
# notebooks/lib/display.ts), so a notebook with a missing output is run once more before it fails.
displays_ok() {
  node --import tsx notebooks/scripts/notebooksCli.ts check-executed "$WORK/executed/$(basename "$1")"
}
for nb in "${NOTEBOOKS[@]}"; do
  t0=$SECONDS
  if execute "$nb"; then
    if displays_ok "$nb" 2>"$WORK/missing.log" || { echo "retry $nb: $(cat "$WORK/missing.log")"; execute "$nb" && displays_ok "$nb"; }; then
      echo "ok    $nb ($((SECONDS - t0)) s)"
      continue
    fi
  fi
  echo "FAIL  $nb" >&2
  grep -v -e MissingIDFieldWarning -e 'validate(nb)' "$WORK/nbconvert.log" | tail -n 40 >&2
  failed=$((failed + 1))
done
if [ "$failed" -gt 0 ]; then echo "notebooks:check: $failed notebook(s) failed" >&2; exit 1; fi
echo "notebooks:check: ${#NOTEBOOKS[@]} notebook(s) clean, type-checked and executed in $((SECONDS - start)) s"
