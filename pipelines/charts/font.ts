// The one CJK font every rendering path uses: resvg (PNG), the HTML report (@font-face) and the PDF.
// It ships in assets/fonts (cut by scripts/cut-font.sh), so no machine needs a system CJK font.
import { fileURLToPath } from 'node:url';

/** Family name inside the shipped font files; SVG/CSS must ask for exactly this name. */
export const FONT_FAMILY = 'Noto Sans CJK SC';

/** CSS/SVG font-family list: the shipped face first, then what browsers commonly have, for the site. */
export const FONT_STACK = `"${FONT_FAMILY}", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif`;

export type FontWeight = 'normal' | 'bold';
export type FontFormat = 'otf' | 'woff2';

const FILE_STEMS: Record<FontWeight, string> = {
  normal: 'NotoSansSC-GB2312-Regular',
  bold: 'NotoSansSC-GB2312-Bold',
};

const FONT_DIR = new URL('../../assets/fonts/', import.meta.url);

/** Absolute path of the shipped font file (OpenType/CFF for resvg, WOFF2 for HTML embedding). */
export function fontFilePath(weight: FontWeight = 'normal', format: FontFormat = 'otf'): string {
  return fileURLToPath(new URL(`${FILE_STEMS[weight]}.${format}`, FONT_DIR));
}

/** Every OpenType file resvg must load (regular for labels, bold for titles). */
export function fontFilePaths(): string[] {
  return [fontFilePath('normal'), fontFilePath('bold')];
}

/** Advance-width table generated with the font (see textMetrics.ts). */
export function fontMetricsPath(): string {
  return fileURLToPath(new URL('NotoSansSC-GB2312.metrics.json', FONT_DIR));
}
