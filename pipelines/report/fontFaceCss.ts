import { readFileSync } from 'node:fs';
import { FONT_FAMILY, fontFilePath } from '../charts/font.ts';

/** `@font-face` rules embedding the shipped CJK subset (WOFF2, regular and bold) as data URIs: no network needed. */
export function fontFaceCss(): string {
  return (['normal', 'bold'] as const)
    .map((weight) => {
      const b64 = readFileSync(fontFilePath(weight, 'woff2')).toString('base64');
      return `@font-face { font-family: "${FONT_FAMILY}"; font-style: normal; font-weight: ${weight === 'bold' ? 700 : 400}; font-display: block; src: url(data:font/woff2;base64,${b64}) format("woff2"); }`;
    })
    .join('\n');
}
