// Public surface of the composite-index engine (see README.md).
export { aggregateTree, weightedMean } from './aggregateTree.ts';
export { baseYearIndex } from './baseYearIndex.ts';
export {
  asemConfig,
  baseYearIndexConfig,
  type EngineConfig,
  type EngineConfigInput,
  engineConfigSchema,
  parseEngineConfig,
} from './engineConfig.ts';
export { formatOutputs } from './formatOutputs.ts';
export { buildMetaTree } from './metaTree.ts';
export { kurtosis, outlierTest, skewness } from './moments.ts';
export { readIData } from './readIData.ts';
export { readIMeta } from './readIMeta.ts';
export { type EngineResult, type EngineRowResult, runEngine } from './runEngine.ts';
export { treatColumn } from './treatOutliers.ts';
export type * from './types.ts';
export { writeOutputFiles } from './writeOutputFiles.ts';
