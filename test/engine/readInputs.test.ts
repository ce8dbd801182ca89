import { describe, expect, it } from 'vitest';
import { parseCsv, parseNumberField } from '../../pipelines/engine/parseCsv.ts';
import { readIData } from '../../pipelines/engine/readIData.ts';
import { readIMeta } from '../../pipelines/engine/readIMeta.ts';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes, newlines, CRLF and a BOM', () => {
    const t = parseCsv('\ufeff"a","b,c"\r\n"x ""y""",1\r\n"multi\nline",\n', 'f.csv');
    expect(t.header).toEqual(['a', 'b,c']);
    expect(t.records).toEqual([
      { line: 2, fields: ['x "y"', '1'] },
      { line: 3, fields: ['multi\nline', ''] },
    ]);
  });
  it('names the file and line of a ragged row or an unterminated quote', () => {
    expect(() => parseCsv('a,b\n1,2,3\n', 'f.csv')).toThrow('f.csv:2: 3 fields, header has 2');
    expect(() => parseCsv('a,b\n"1,2\n', 'f.csv')).toThrow('f.csv:2: unterminated quoted field');
  });
  it('parses numbers as doubles, empty as missing, and rejects non-numbers', () => {
    expect(parseNumberField('0.1')).toBe(0.1);
    expect(parseNumberField('-1.5e-3')).toBe(-0.0015);
    expect(parseNumberField('')).toBeNull();
    expect(parseNumberField(' ')).toBeNull();
    expect(parseNumberField('abc')).toBeUndefined();
    expect(parseNumberField('0x10')).toBeUndefined();
    expect(parseNumberField('Infinity')).toBeUndefined();
  });
});

const META = [
  '"Level","iCode","iName","Direction","Weight","Unit","Target","Denominator","Parent","Type"',
  '1,"x1","X1",1,1,,,"Pop","A","Indicator"',
  '1,"x2","X2",-1,1,,,,"A","Indicator"',
  '2,"A","A",1,1,,,,,"Aggregate"',
  ',"Pop","Population",,,,,,,"Denominator"',
  ',"Grp","Group",,,,,,,"Group"',
].join('\n');

describe('iMeta / iData validation (METHOD.md §2.1)', () => {
  it('reads a valid pair', () => {
    const meta = readIMeta(META, 'm.csv');
    expect(meta.map((m) => [m.iCode, m.type, m.direction])).toEqual([
      ['x1', 'Indicator', 1],
      ['x2', 'Indicator', -1],
      ['A', 'Aggregate', 1],
      ['Pop', 'Denominator', null],
      ['Grp', 'Group', null],
    ]);
    const data = readIData('uCode,Grp,Pop,x1,x2\n"B",g,10,1,\nA,g,,2,3\n', 'd.csv', meta);
    expect(data.panel).toBe(false);
    expect(data.rows[0]).toEqual({
      uCode: 'B',
      time: null,
      groups: { Grp: 'g' },
      denominators: { Pop: 10 },
      values: { x1: 1, x2: null },
    });
  });

  it('rejects iData columns unknown to iMeta and iMeta codes missing from iData', () => {
    const meta = readIMeta(META, 'm.csv');
    expect(() => readIData('uCode,Grp,Pop,x1,x9\nA,g,1,1,1\n', 'd.csv', meta)).toThrow(
      /d\.csv: column x9: not an iCode in iMeta[\s\S]*d\.csv: column x2: in iMeta \(Indicator\) but not in iData/,
    );
  });

  it('names the file, line, column and unit of a non-numeric cell', () => {
    const meta = readIMeta(META, 'm.csv');
    expect(() => readIData('uCode,Grp,Pop,x1,x2\nA,g,1,n/a,1\n', 'd.csv', meta)).toThrow(
      'd.csv:2: x1: not a number: "n/a" (unit A)',
    );
  });

  it('rejects duplicate units, and treats Time with 2+ values as panel data keyed by (uCode, Time)', () => {
    const meta = readIMeta(META, 'm.csv');
    expect(() => readIData('uCode,Grp,Pop,x1,x2\nA,g,1,1,1\nA,g,1,1,1\n', 'd.csv', meta)).toThrow(
      'duplicate A',
    );
    const panel = readIData('uCode,Time,Grp,Pop,x1,x2\nA,2017,g,1,1,1\nA,2018,g,1,1,1\n', 'd.csv', meta);
    expect(panel.panel).toBe(true);
  });

  it('rejects bad directions, unknown parents and denominators, and childless aggregates', () => {
    const bad = META.replace('-1,1,,,,"A"', '0,1,,,,"Z"').replace('"Pop","A"', '"Popx","A"');
    expect(() => readIMeta(`${bad}\n3,"Top","Top",1,1,,,,,"Aggregate"`, 'm.csv')).toThrow(
      /m\.csv:3: Direction: x2: must be 1 or -1[\s\S]*Popx is not a Denominator[\s\S]*parent Z is not an Aggregate[\s\S]*aggregate Top has no children/,
    );
  });
});
