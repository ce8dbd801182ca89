// XML 1.0 allows only tab, line feed, carriage return and these ranges, even escaped; OOXML spells any other
// character _xHHHH_ (ST_Xstring), as Excel does. With the u flag a lone surrogate is matched too.
const FORBIDDEN = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text for an XML element or attribute of an OOXML part: markup characters escaped, forbidden characters spelled out. */
export function xmlText(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(FORBIDDEN, (c) => `_x${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}_`);
}
