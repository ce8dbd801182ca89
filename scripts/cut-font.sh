#!/bin/sh
# Regenerates assets/fonts/ from Debian's Noto Sans CJK SC: a subset to GB2312 + ASCII + the punctuation
# our charts and reports print, so PNG rendering (resvg), the HTML report and the PDF all use one small
# open-licence file that ships in the repository (no apt step at runtime).
#
# Needs (build machine only): apt-get install -y fonts-noto-cjk python3-fonttools
# Usage: scripts/cut-font.sh [output-dir]   (default: assets/fonts next to this script's repo)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-"$here/../assets/fonts"}
src_dir=${NOTO_CJK_DIR:-/usr/share/fonts/opentype/noto}
# Debian's python3-fonttools lives in the system interpreter, not in pyenv/venv shims.
py=${PYTHON:-/usr/bin/python3}

mkdir -p "$out"
"$py" - "$src_dir" "$out" <<'PY'
import json, os, sys, tempfile
from fontTools import subset
from fontTools.ttLib import TTCollection

src_dir, out = sys.argv[1], sys.argv[2]

def gb2312_chars():
    """Every character GB2312 encodes (rows 0xA1-0xF7, cells 0xA1-0xFE): 6763 hanzi plus symbols."""
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode('gb2312'))
            except UnicodeDecodeError:
                pass
    return chars

# ASCII, Latin-1 punctuation/digits, and characters that GB2312 lacks or that codecs map differently but
# our output uses: U+2212 minus (d3-format's negative sign), ellipsis (vega label truncation), dashes,
# superscripts (m², 10⁴), middle dot, ideographic space and zero, arrows and set symbols in the specs.
EXTRA = (
    ''.join(chr(c) for c in range(0x20, 0x7F))
    + '\u00a0·×÷±°²³µ¹⁴–—―‘’“”…‰′″※−∅∈∉≈≠≤≥↑↓←→↔⇔'
    + '、。〃〇「」『』【】〔〕《》〈〉（）％：；，．！？～￥'
    + '\u3000'
)

text = ''.join(sorted(gb2312_chars() | set(EXTRA)))

FACES = [
    ('NotoSansCJK-Regular.ttc', 'NotoSansSC-GB2312-Regular', 'normal'),
    ('NotoSansCJK-Bold.ttc', 'NotoSansSC-GB2312-Bold', 'bold'),
]
SC_FACE = 'Noto Sans CJK SC'

# Same ranges as WIDE_RANGES in pipelines/charts/textMetrics.ts: characters outside them are listed
# even at 1 em, because the runtime guesses 0.6 em for narrow characters it does not find.
WIDE = [(0x1100, 0x115F), (0x2E80, 0xA4CF), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE30, 0xFE6F),
        (0xFF00, 0xFF60), (0xFFE0, 0xFFE6), (0x20000, 0x3FFFD)]

def is_wide(cp):
    return any(lo <= cp <= hi for lo, hi in WIDE)

def advance_table(face):
    upm = face['head'].unitsPerEm
    cmap = face.getBestCmap()
    hmtx = face['hmtx']
    table = {}
    for ch in text:
        glyph = cmap.get(ord(ch))
        if glyph is None:
            continue
        adv = hmtx[glyph][0]
        if adv != upm or not is_wide(ord(ch)):
            table[ch] = round(adv / upm, 4)
    return table

metrics = {}
for ttc_name, stem, weight in FACES:
    coll = TTCollection(os.path.join(src_dir, ttc_name))
    font = next(f for f in coll.fonts if f['name'].getDebugName(1) == SC_FACE)
    for flavor, ext in ((None, 'otf'), ('woff2', 'woff2')):
        opts = subset.Options()
        opts.name_IDs = ['*']          # keep copyright, licence and trademark records (OFL condition 2)
        opts.name_languages = ['*']
        opts.notdef_outline = True
        # Horizontal Chinese only: alternates (aalt/fwid/hwid/vert/locl…) would pull ~6000 extra glyphs.
        opts.layout_features = ['ccmp', 'liga', 'calt', 'kern', 'mark', 'palt', 'halt']
        opts.hinting = False           # resvg and browsers ignore CFF hints at these sizes; saves ~15%
        opts.flavor = flavor
        sub = subset.Subsetter(opts)
        sub.populate(text=text)
        # Subset a fresh copy each time (subsetting mutates the font).
        face = TTCollection(os.path.join(src_dir, ttc_name)).fonts[coll.fonts.index(font)]
        sub.subset(face)
        # Keep the source's head.modified so re-running the script yields the same bytes.
        face.recalcTimestamp = False
        dest = os.path.join(out, f'{stem}.{ext}')
        fd, tmp = tempfile.mkstemp(dir=out, suffix='.tmp')
        os.close(fd)
        subset.save_font(face, tmp, opts)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600
        os.replace(tmp, dest)
        print(f'{dest}: {os.path.getsize(dest)} bytes, {len(face.getGlyphOrder())} glyphs')
    metrics[weight] = advance_table(TTCollection(os.path.join(src_dir, ttc_name)).fonts[coll.fonts.index(font)])

# Advance widths (in em) of every character in the subset whose width is not 1 em, per weight: vega's
# layout uses them (pipelines/charts/textMetrics.ts) so label widths match what resvg draws.
dest = os.path.join(out, 'NotoSansSC-GB2312.metrics.json')
with open(dest + '.tmp', 'w', encoding='utf-8') as fh:
    json.dump({'family': SC_FACE, 'defaultEm': 1, 'advances': metrics}, fh, ensure_ascii=False,
              sort_keys=True, indent=1)
    fh.write('\n')
os.replace(dest + '.tmp', dest)
print(f'{dest}: {os.path.getsize(dest)} bytes')
PY
