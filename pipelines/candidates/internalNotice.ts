import { message } from '../messages/catalogue.ts';

/** The marking every internal page, sheet and file carries. */
export const INTERNAL_MARK = '内部资料';

/** Who produced the lists and from what: printed beside every list, so a copy found elsewhere is traceable. */
export interface InternalProvenance {
  year: number;
  methodologyVersion: string;
  buildRunId: string | null;
}

export function audienceLine(): string {
  return message('candidates.audience');
}

export function provenanceLine(p: InternalProvenance): string {
  return `数据年度 ${p.year}；方法版本 ${p.methodologyVersion}；计算批次 ${p.buildRunId ?? '未记录'}；依据：方法 §9 培育库候选名单。`;
}
