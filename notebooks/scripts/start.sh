#!/usr/bin/env bash
# `npm run notebooks`: register Deno's Jupyter kernel for this checkout, then start Jupyter on localhost.
#   XIAOWEI_DB   warehouse the notebooks read (default data/warehouse/xiaowei.duckdb), opened read-only
#   PORT         Jupyter port (default 8888)
# The kernelspec holds the absolute path of node_modules/.bin/deno, so it is re-written on every start.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
DENO="$ROOT/node_modules/.bin/deno"
if [ ! -x "$DENO" ]; then
  echo "找不到 $DENO：请先运行 npm install。 / Run npm install first." >&2
  exit 1
fi
export DENO_NO_UPDATE_CHECK=1
"$DENO" jupyter --install --force

DB="${XIAOWEI_DB:-data/warehouse/xiaowei.duckdb}"
if [ ! -f "$DB" ]; then
  echo "提示：仓库 $DB 不存在。可以先生成一个演示仓库 / no warehouse yet; a demo one:" >&2
  echo "  node bin/xiaowei.js generate --scale tiny --seed 1 --out data/generated/tiny" >&2
  echo "  node bin/xiaowei.js ingest data/generated/tiny && node bin/xiaowei.js build" >&2
fi
export XIAOWEI_DB="$DB"

if command -v jupyter-notebook >/dev/null 2>&1; then
  exec jupyter-notebook --ip=127.0.0.1 --port="${PORT:-8888}" --notebook-dir="$ROOT/notebooks" "$@"
fi
if command -v jupyter-lab >/dev/null 2>&1; then
  exec jupyter-lab --ip=127.0.0.1 --port="${PORT:-8888}" --notebook-dir="$ROOT/notebooks" "$@"
fi
cat >&2 <<'MSG'
已安装 Deno 内核，但没有找到 Jupyter 的网页界面。任选其一：
  Debian/Ubuntu:  sudo apt-get install jupyter-notebook   然后再运行 npm run notebooks
  VS Code:        安装 Jupyter 扩展，打开 notebooks/*.ipynb，内核选 “Deno”
The Deno kernel is installed, but no Jupyter web UI was found: apt-get install jupyter-notebook,
or open notebooks/*.ipynb in VS Code (Jupyter extension) and pick the "Deno" kernel.
MSG
exit 1
