import type { Direction } from './indicator.direction';

/**
 * What the office decided about a plan's indicators beyond the plan's own words, as data:
 * direction overrides, a target read from a cell the value parser keeps as prose, and the
 * default links to tasks. Every entry carries its reason; docs/indicators.md lists them.
 * Links are only defaults: the office replaces them with `IndicatorTasksLinked` events.
 */
export interface IndicatorSetting {
  readonly direction?: Direction;
  /** A numeric target where the plan's cell wraps one in prose; the plan's cell is still shown verbatim. */
  readonly target?: string;
  readonly tasks?: readonly string[];
  readonly reason: string;
}

export type IndicatorSettings = Readonly<Record<number, IndicatorSetting>>;

/** By plan id, then by the indicator's 序号 in 附件2. */
export const PLAN_INDICATOR_SETTINGS: Readonly<Record<string, IndicatorSettings>> = {
  'lianyun-2022-2025': {
    5: { tasks: ['B-3'], reason: 'B-3 原文“提高绿色优质农产品比重”即本指标' },
    7: {
      tasks: ['A-13'],
      reason: 'A-13“建立连云区绿色建筑和装配式建筑长效推进机制”；区住建局职责1“推动绿色建筑、装配式建筑占比提升”',
    },
    8: { tasks: ['A-12', 'A-13'], reason: 'A-12“落实《连云港市试点装配式建筑实施意见》”与 A-13 均以装配式建筑为对象' },
    10: {
      tasks: ['A-10'],
      reason: '区城管局职责1-2：落实《生活垃圾治理实施方案》（A-10）以“推动城市居民小区生活垃圾分类覆盖率上升”',
    },
    19: { tasks: ['A-9', 'C-6', 'D-6'], reason: 'A-9、C-6、D-6 均以农药包装废弃物为对象，牵头单位同为区供销总社' },
    20: { tasks: ['A-14', 'C-8', 'D-4'], reason: 'A-14、C-8、D-4 为任务清单中全部建筑垃圾任务（区城管局职责4）' },
    21: { tasks: ['A-10'], reason: '区城管局职责1-2：落实《生活垃圾治理实施方案》（A-10）以“提高生活垃圾回收利用率”' },
    27: { tasks: ['C-5'], reason: 'C-5“社会源危险废物回收体系建设”即本指标所称体系' },
    30: { tasks: ['A-11'], reason: '区城管局职责1-2：落实《有害垃圾处理方案》（A-11）以“提高有害垃圾处置率”' },
    34: { tasks: ['A-3'], reason: 'A-3“制定考核机制，将建设成效纳入政绩考核”即本指标' },
    35: {
      target: '15个',
      reason:
        '目标值原文“15个（暂定，具体数量根据连云港市“无废细胞”建设相关要求确定）”：按暂定的15个计算进度，原文照录',
    },
    49: { tasks: ['A-1'], reason: 'A-1“制定《连云区“无废城市”建设工作宣传方案》”为宣传教育的任务' },
  },
};
