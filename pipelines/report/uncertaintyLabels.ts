import type { SobolRow } from '../publish/martData.ts';

/** Chinese names of methodology §11's uncertain inputs, as reports, tables and notebooks print them. */
export const UNCERTAIN_INPUT_LABELS: Record<SobolRow['input'], string> = {
  module_weights: '模块权重',
  indicator_weights: '指标权重',
  aggregation: '平均方法（算术或几何）',
  exclusion: '指标取舍（剔除一个指标）',
};

/** The phrase methodology §11 asks for when adjacent counties' 5–95 % rank intervals overlap. */
export const WITHIN_UNCERTAINTY = '排名差异在方法不确定性范围内';
