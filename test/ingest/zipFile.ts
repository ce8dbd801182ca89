import { writeFileSync } from 'node:fs';
import { zipArchive } from '../../pipelines/xlsx/zipArchive.ts';

/**
 * Writes a zip archive of deflated entries (enough to hand-craft an XLSX in a test). `understate` names an
 * entry whose declared uncompressed size is made 10 bytes, as a crafted archive would lie.
 */
export function writeZip(
  path: string,
  entries: Array<{ name: string; data: Buffer }>,
  options: { understate?: string } = {},
): void {
  const zip = zipArchive(entries, new Date(Date.UTC(2020, 0, 1)));
  if (options.understate) understate(zip, options.understate);
  writeFileSync(path, zip);
}

/** Declares 10 bytes as the uncompressed size of entry `name`, in the central directory and its local header. */
function understate(zip: Buffer, name: string): void {
  const eocd = zip.length - 22;
  const count = zip.readUInt16LE(eocd + 10);
  for (let i = 0, p = zip.readUInt32LE(eocd + 16); i < count; i++) {
    const nameLen = zip.readUInt16LE(p + 28);
    if (zip.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      zip.writeUInt32LE(10, p + 24);
      zip.writeUInt32LE(10, zip.readUInt32LE(p + 42) + 22);
      return;
    }
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  throw new Error(`no entry ${name}`);
}

/** A minimal one-sheet XLSX whose cells are inline strings. */
export function xlsxEntries(rows: string[][]): Array<{ name: string; data: Buffer }> {
  const cell = (v: string) => `<c t="inlineStr"><is><t>${v}</t></is></c>`;
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
    .map((r, i) => `<row r="${i + 1}">${r.map(cell).join('')}</row>`)
    .join('')}</sheetData></worksheet>`;
  return [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) },
  ];
}
