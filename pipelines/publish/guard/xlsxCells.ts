import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { unescapeHtml } from './htmlContent.ts';

/** The entries of a zip archive by name (stored or deflated), read from its central directory. */
function unzip(buf: Buffer): Map<string, Buffer> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    out.set(name, method === 0 ? raw : inflateRawSync(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * The cells of every sheet of an XLSX workbook as text rows, and how many formula cells each holds; read
 * straight from the package's XML (shared strings and inline strings resolved), for the guard.
 */
export function xlsxCells(path: string): { sheet: string; rows: string[][]; formulas: number }[] {
  const files = unzip(readFileSync(path));
  const shared = [
    ...(files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g),
  ].map((m) => unescapeHtml([...m[1].matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const sheets = [...files.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort();
  return sheets.map((name) => {
    const xml = files.get(name)!.toString('utf8');
    const rows = [...xml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)].map((r) =>
      [...r[1].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
        const type = /\bt="(\w+)"/.exec(c[1])?.[1];
        const body = c[2] ?? '';
        if (type === 's') return shared[Number(/<v>(\d+)<\/v>/.exec(body)?.[1])] ?? '';
        if (type === 'inlineStr')
          return unescapeHtml([...body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''));
        return unescapeHtml(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '');
      }),
    );
    return {
      sheet: name.slice('xl/worksheets/'.length, -4),
      rows,
      formulas: (xml.match(/<f[\s>/]/g) ?? []).length,
    };
  });
}
