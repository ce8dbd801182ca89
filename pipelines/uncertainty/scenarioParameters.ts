import type { UncertaintySettings } from '../methodology/schema.ts';

/** The four uncertain inputs of methodology §11, in the order of the design's columns. */
export const UNCERTAIN_INPUTS = ['module_weights', 'indicator_weights', 'aggregation', 'exclusion'] as const;
export type UncertainInput = (typeof UNCERTAIN_INPUTS)[number];

/** The §11 settings a scenario needs (the warehouse keeps these, not the note). */
export type UncertaintyParameters = Omit<UncertaintySettings, 'note_zh'>;

/**
 * A ranking's aggregation tree with its nominal weights, flattened: indicators in tree order, module by
 * module; module m holds indicators [first, end). The scorecard is one module of all its indicators.
 */
export interface UncertaintyTree {
  modules: { code: string; weight: number; first: number; end: number }[];
  indicators: { code: string; weight: number }[];
}

/** The methodology one scenario uses. Weights are before renormalisation (the weighted mean renormalises). */
export interface ScenarioParameters {
  moduleWeights: Float64Array;
  indicatorWeights: Float64Array;
  geometric: boolean;
  /** Position of the indicator left out, or −1. */
  excluded: number;
}

/** Number of uniforms each input needs: one per weight for the weight inputs, one for each choice. */
export function inputWidths(tree: UncertaintyTree, inputs: readonly UncertainInput[]): number[] {
  const width: Record<UncertainInput, number> = {
    module_weights: tree.modules.length,
    indicator_weights: tree.indicators.length,
    aggregation: 1,
    exclusion: 1,
  };
  return inputs.map((i) => width[i]);
}

/**
 * Maps one scenario's uniforms (`uniforms[k]` for `inputs[k]`) to a methodology, as methodology §11 says:
 * each weight × U(min, max), geometric with its probability, and with `exclusion_probability` one indicator
 * left out, chosen uniformly. An input not in `inputs` keeps its nominal value (the scorecard varies indicator
 * weights only). Pure.
 */
export function scenarioParameters(
  tree: UncertaintyTree,
  inputs: readonly UncertainInput[],
  uniforms: readonly (readonly number[])[],
  settings: UncertaintyParameters,
): ScenarioParameters {
  const u = (input: UncertainInput): readonly number[] | undefined => uniforms[inputs.indexOf(input)];
  const factor = (x: number) =>
    settings.weight_factor_min + (settings.weight_factor_max - settings.weight_factor_min) * x;
  const moduleU = u('module_weights');
  const indicatorU = u('indicator_weights');
  const aggregation = u('aggregation');
  const exclusion = u('exclusion');
  const moduleWeights = new Float64Array(tree.modules.length);
  for (let i = 0; i < moduleWeights.length; i++)
    moduleWeights[i] = tree.modules[i].weight * (moduleU ? factor(moduleU[i]) : 1);
  const indicatorWeights = new Float64Array(tree.indicators.length);
  for (let i = 0; i < indicatorWeights.length; i++)
    indicatorWeights[i] = tree.indicators[i].weight * (indicatorU ? factor(indicatorU[i]) : 1);
  return {
    moduleWeights,
    indicatorWeights,
    geometric: aggregation !== undefined && aggregation[0] < settings.geometric_probability,
    excluded:
      exclusion === undefined ? -1 : excludedIndicator(tree.indicators.length, exclusion[0], settings),
  };
}

/** u < 1 − p: nothing left out; otherwise the rest of [0, 1) is cut into equal slices, one per indicator. */
function excludedIndicator(count: number, u: number, settings: UncertaintyParameters): number {
  const p = settings.exclusion_probability;
  if (p === 0 || u < 1 - p) return -1;
  return Math.min(Math.floor(((u - (1 - p)) / p) * count), count - 1);
}
