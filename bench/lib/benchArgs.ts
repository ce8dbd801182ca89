export const STAGES = [
  'startup',
  'ingest',
  'build',
  'report',
  'uncertainty',
  'run',
  'incremental',
  'index',
] as const;
export type Stage = (typeof STAGES)[number];
export const SCALES = ['city', 'province'] as const;
export type Scale = (typeof SCALES)[number];

export interface BenchArgs {
  stages: Stage[];
  scales: Scale[];
}

/**
 * `npm run bench -- [startup|ingest|build|report|uncertainty|run|incremental|index|all ...] [--scale city|province|both]`.
 * No stage (or `all`) means every stage; no --scale means city. Stages run in the fixed order of STAGES, and
 * at both scales city first (province last: it is the one that may not fit the machine).
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const stages = new Set<Stage>();
  const scales = new Set<Scale>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--scale') {
      const v = argv[++i];
      if (v === 'both') for (const s of SCALES) scales.add(s);
      else if ((SCALES as readonly string[]).includes(v)) scales.add(v as Scale);
      else throw new Error(`--scale must be city, province or both, not ${v ?? '(nothing)'}`);
    } else if (a === 'all') for (const s of STAGES) stages.add(s);
    else if ((STAGES as readonly string[]).includes(a)) stages.add(a as Stage);
    else throw new Error(`unknown argument ${a}: expected ${[...STAGES, 'all'].join('|')} or --scale`);
  }
  return {
    stages: stages.size === 0 ? [...STAGES] : STAGES.filter((s) => stages.has(s)),
    scales: scales.size === 0 ? ['city'] : SCALES.filter((s) => scales.has(s)),
  };
}
