import { formatIndexChange } from '../charts/format.ts';
import { extremeMove, type IndicatorMove, type ModuleMove } from './indexDrivers.ts';

function signed(v: number): string {
  return formatIndexChange(v);
}

/** "从模块看，拉动最大的是成长活跃度（+3.2 点，拉动总指数 +1.0 点）…" from the moves; says so when none is comparable. */
export function driverSentence(modules: ModuleMove[], indicators: IndicatorMove[]): string {
  const comparable = modules.filter((m) => m.contribution !== null);
  if (comparable.length === 0) return '上年无可比数据，不作变动分解。';
  const parts: string[] = [];
  const up = extremeMove(
    comparable.map((m) => ({ ...m, change: m.contribution })),
    1,
  );
  const down = extremeMove(
    comparable.map((m) => ({ ...m, change: m.contribution })),
    -1,
  );
  if (up) parts.push(`从模块看，拉动作用最大的是${up.name}（拉动总指数 ${signed(up.change as number)} 点）`);
  if (down)
    parts.push(`${up ? '' : '从模块看，'}拖累最大的是${down.name}（${signed(down.change as number)} 点）`);
  if (!up && !down) parts.push('从模块看，各模块与上年基本持平');
  const iUp = extremeMove(indicators, 1);
  const iDown = extremeMove(indicators, -1);
  if (iUp) parts.push(`从指标看，提高最多的是${iUp.name}（${signed(iUp.change as number)} 点）`);
  if (iDown)
    parts.push(`${iUp ? '' : '从指标看，'}下降最多的是${iDown.name}（${signed(iDown.change as number)} 点）`);
  return `${parts.join('；')}。`;
}
