import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../pipelines/cli/main.ts';
import { REPO_ROOT } from '../../pipelines/db/sqlFile.ts';
import { asemConfig } from '../../pipelines/engine/engineConfig.ts';
import { formatOutputs } from '../../pipelines/engine/formatOutputs.ts';
import { readIData } from '../../pipelines/engine/readIData.ts';
import { readIMeta } from '../../pipelines/engine/readIMeta.ts';
import { runEngine } from '../../pipelines/engine/runEngine.ts';

// The ASEM conformance inputs (COINr's example data) and METHOD.md, which states the expected values, are
// test fixtures of the repository: see test/fixtures/asem/README.md for where they come from.
const ASEM = join(REPO_ROOT, 'test', 'fixtures', 'asem');

describe('ASEM example reproduces COINr (METHOD.md)', () => {
  const metaPath = join(ASEM, 'ASEM_iMeta.csv');
  const dataPath = join(ASEM, 'ASEM_iData.csv');
  const meta = readIMeta(readFileSync(metaPath, 'utf8'), metaPath);
  const data = readIData(readFileSync(dataPath, 'utf8'), dataPath, meta);
  const result = runEngine(data, meta, asemConfig('EurAsia_group'));
  const r = () => result;
  const unit = (u: string) => {
    const x = r().rows.find((row) => row.uCode === u);
    if (!x) throw new Error(`no unit ${u}`);
    return x;
  };
  const round2 = (v: number | null) => Math.round((v as number) * 100) / 100;

  it('imputes the 65 missing cells (63 + LAO Elec and Gas) and keeps all 51 units', () => {
    expect(r().imputed).toHaveLength(65);
    expect(
      r()
        .imputed.filter((c) => c.uCode === 'LAO')
        .map((c) => c.iCode),
    ).toEqual(expect.arrayContaining(['Elec', 'Gas']));
    expect(r().screenedOut).toEqual([]);
    expect(r().rows).toHaveLength(51);
  });

  it('matches the published Index figures of §13 (2 decimals, with ranks)', () => {
    const ranked = [...r().rows].sort(
      (a, b) => (b.aggregates.Index as number) - (a.aggregates.Index as number),
    );
    const top = ranked.slice(0, 6).map((x) => [x.uCode, round2(x.aggregates.Index)]);
    expect(top).toEqual([
      ['CHE', 68.38],
      ['NLD', 64.82],
      ['DNK', 64.8],
      ['NOR', 64.47],
      ['BEL', 63.54],
      ['SWE', 63.0],
    ]);
    expect(ranked.findIndex((x) => x.uCode === 'IND') + 1).toBe(45);
    expect(round2(unit('IND').aggregates.Index)).toBe(39.79);
  });

  // §6.3 checkpoint: indicator, skew before, kurt before, count, side, skew after, kurt after
  const table: [string, number, number, number, 'high' | 'low', number, number][] = [
    ['Flights', 2.2436, 6.2982, 1, 'high', 1.7538, 3.2469],
    ['Bord', 4.2114, 19.9046, 3, 'high', 1.6596, 1.5392],
    ['Gas', 4.6689, 22.2943, 3, 'high', 1.7856, 2.3408],
    ['Services', 3.9504, 17.6476, 4, 'high', 1.6248, 2.1155],
    ['FDI', 2.4554, 5.7771, 2, 'high', 1.9157, 2.4062],
    ['ForPort', 6.9278, 48.8152, 3, 'high', 1.3595, 0.9011],
    ['CostImpEx', 2.6914, 9.8426, 1, 'high', 1.5897, 2.3584],
    ['Tariff', 2.3216, 5.062, 3, 'high', 1.8553, 2.8505],
    ['StMob', 2.8944, 10.1065, 2, 'high', 1.0777, 0.662],
    ['CultServ', 5.2836, 28.4924, 3, 'high', 1.9271, 3.3044],
    ['Forest', 2.7113, 9.3478, 2, 'high', 1.424, 1.7988],
    ['Poverty', 2.6289, 6.9557, 3, 'high', 1.1593, -0.4357],
    ['NGOs', 3.4129, 13.052, 3, 'high', 1.1548, 0.1322],
    ['FemLab', -2.0089, 5.0005, 1, 'low', -1.8924, 4.3634],
    ['PubDebt', 2.0289, 6.16, 1, 'high', 1.2595, 1.7916],
  ];

  it('winsorises exactly the 15 indicators of §6.3 and never takes the log branch', () => {
    const treated = r().treatment.filter((t) => t.status !== 'pass');
    expect(treated.map((t) => t.iCode)).toEqual(table.map((t) => t[0]));
    expect(treated.every((t) => t.status === 'winsorised')).toBe(true);
  });

  it.each(table)(
    '%s: skew/kurt before and after, count and side as in §6.3',
    (code, sb, kb, count, side, sa, ka) => {
      const t = r().treatment.find((x) => x.iCode === code);
      expect(t).toBeDefined();
      if (!t) return;
      expect(t.count).toBe(count);
      expect(t.side).toBe(side);
      expect((t.skewBefore as number).toFixed(4)).toBe(sb.toFixed(4));
      expect((t.kurtBefore as number).toFixed(4)).toBe(kb.toFixed(4));
      expect((t.skewAfter as number).toFixed(4)).toBe(sa.toFixed(4));
      expect((t.kurtAfter as number).toFixed(4)).toBe(ka.toFixed(4));
    },
  );

  it('winsorises the units listed in §6.3', () => {
    const units = Object.fromEntries(
      r()
        .treatment.filter((t) => t.status !== 'pass')
        .map((t) => [t.iCode, t.treatedUnits]),
    );
    expect(units).toMatchObject({
      Flights: ['MLT'],
      Bord: ['BEL', 'LUX', 'SGP'],
      Gas: ['BRN', 'MMR', 'NOR'],
      Services: ['IRL', 'LUX', 'MLT', 'SGP'],
      FDI: ['KHM', 'MNG'],
      ForPort: ['IRL', 'LUX', 'MLT'],
      CostImpEx: ['PAK'],
      Tariff: ['BGD', 'KHM', 'PAK'],
      StMob: ['CYP', 'LUX'],
      CultServ: ['ESP', 'LUX', 'MLT'],
      Forest: ['KHM', 'PRT'],
      Poverty: ['BGD', 'IND', 'LAO'],
      NGOs: ['BEL', 'CHE', 'LUX'],
      FemLab: ['PAK'],
      PubDebt: ['JPN'],
    });
  });

  it("sets Tariff's three largest values to 7.68 and raises FemLab PAK to the second smallest", () => {
    for (const u of ['BGD', 'PAK', 'KHM']) expect(unit(u).treated.Tariff).toBe(7.68);
    const femlab = r().rows.map((x) => x.treated.FemLab as number);
    const sorted = [...femlab].sort((a, b) => a - b);
    expect(unit('PAK').treated.FemLab).toBe(sorted[1]);
    expect(sorted[0]).toBe(sorted[1]);
    expect(unit('PAK').treated.FemLab).toBeCloseTo(0.345576, 6);
  });

  it('sends 11 / 8 / 1 indicators to the log branch with winmax 1 / 2 / 3 (METHOD.md §6.3)', () => {
    const logs = [1, 2, 3].map(
      (winmax) =>
        runEngine(data, meta, {
          ...asemConfig('EurAsia_group'),
          treat: { method: 'winsor', winmax },
        }).treatment.filter((t) => t.status === 'log').length,
    );
    expect(logs).toEqual([11, 8, 1]);
  });

  it('passes Elec (skew 1.82, kurt 3.27) and Visa (skew −1.76, kurt 2.17) untreated', () => {
    const elec = r().treatment.find((t) => t.iCode === 'Elec');
    const visa = r().treatment.find((t) => t.iCode === 'Visa');
    expect(elec?.status).toBe('pass');
    expect(visa?.status).toBe('pass');
    expect(elec?.skewBefore).toBeCloseTo(1.82, 2);
    expect(elec?.kurtBefore).toBeCloseTo(3.27, 2);
    expect(visa?.skewBefore).toBeCloseTo(-1.76, 2);
    expect(visa?.kurtBefore).toBeCloseTo(2.17, 2);
  });

  it('normalises Services to exactly 100 for the four winsorised units and CYP, Tariff to 0 for BGD KHM PAK KOR (§7)', () => {
    const at100 = r()
      .rows.filter((x) => x.normalised.Services === 100)
      .map((x) => x.uCode);
    expect(at100).toEqual(['CYP', 'IRL', 'LUX', 'MLT', 'SGP']);
    const at0 = r()
      .rows.filter((x) => x.normalised.Tariff === 0)
      .map((x) => x.uCode);
    expect(at0).toEqual(['BGD', 'KHM', 'KOR', 'PAK']);
    // Direction −1: the lowest treated tariff gets 100
    const minTariff = Math.min(...r().rows.map((x) => x.treated.Tariff as number));
    for (const x of r().rows) if (x.treated.Tariff === minTariff) expect(x.normalised.Tariff).toBe(100);
  });

  it('writes the §9 layout: uCode first, 49 indicators in iMeta order, aggregates by level then code, 51 sorted rows', () => {
    const files = formatOutputs(r());
    const indicators = meta.filter((m) => m.type === 'Indicator').map((m) => m.iCode);
    const aggs = 'ConEcFin,Environ,Instit,P2P,Physical,Political,Social,SusEcFin,Conn,Sust,Index'.split(',');
    const lines = (s: string) => s.trimEnd().split('\n');
    expect(lines(files['treated.csv'])[0]).toBe(['uCode', ...indicators].join(','));
    expect(lines(files['normalised.csv'])[0]).toBe(['uCode', ...indicators].join(','));
    expect(lines(files['aggregated.csv'])[0]).toBe(['uCode', ...indicators, ...aggs].join(','));
    const codes = lines(files['aggregated.csv'])
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(codes).toHaveLength(51);
    expect(codes.slice(0, 7)).toEqual(['AUS', 'AUT', 'BEL', 'BGD', 'BGR', 'BRN', 'CHE']);
    expect(codes.slice(-2)).toEqual(['THA', 'VNM']);
    expect([...codes].sort()).toEqual(codes);
    // aggregated = normalised columns followed by the aggregates, row by row
    const norm = lines(files['normalised.csv']);
    lines(files['aggregated.csv']).forEach((l, i) => {
      expect(l.startsWith(`${norm[i]},`)).toBe(true);
    });
    // every value round-trips: parsing the printed text gives back the same double
    const idx = lines(files['aggregated.csv'])[0].split(',').indexOf('Index');
    const che = lines(files['aggregated.csv']).find((l) => l.startsWith('CHE,')) as string;
    expect(Number(che.split(',')[idx])).toBe(unit('CHE').aggregates.Index);
  });

  it('`xiaowei composite` writes byte-identical files on a re-run and prints the summary', async () => {
    const out = mkdtempSync(join(tmpdir(), 'xw-'));
    const run = async () => {
      let stdout = '';
      let stderr = '';
      const io = {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s) },
        env: {},
      };
      const args = [
        'node',
        'xiaowei',
        'composite',
        '--data',
        dataPath,
        '--meta',
        metaPath,
        '--out',
        out,
        '--group',
        'EurAsia_group',
      ];
      const code = await main(args, io);
      return { code, stdout, stderr };
    };
    const first = await run();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('units: 51; screened out: 0');
    expect(first.stdout).toContain('imputed cells: 65');
    expect(first.stdout).toContain('treated columns: 15');
    expect(first.stdout).toContain('Tariff: winsorised, count 3, side high (BGD, KHM, PAK)');
    const files = ['treated.csv', 'normalised.csv', 'aggregated.csv'];
    const before = files.map((f) => readFileSync(join(out, f), 'utf8'));
    expect(before).toEqual(Object.values(formatOutputs(r())));
    await run();
    expect(files.map((f) => readFileSync(join(out, f), 'utf8'))).toEqual(before);
  });

  it('`xiaowei composite` without --group names the Group columns to choose from', async () => {
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, env: {} };
    const out = mkdtempSync(join(tmpdir(), 'xw-'));
    const code = await main(
      ['node', 'xiaowei', 'composite', '--data', dataPath, '--meta', metaPath, '--out', out],
      io,
    );
    expect(code).toBe(1);
    expect(stderr).toContain('--group');
    expect(stderr).toContain('GDP_group, GDPpc_group, Pop_group, EurAsia_group');
  });
});
