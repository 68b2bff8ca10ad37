import { BUNDLED_ECOLOGY_BUREAU, bundledPlan } from '../../../../plan/src/testing/fixture-plans';
import type { CommandMetadata, Role } from '../../shared/message';
import { specFor } from '../../testing/given-when-then';
import type { IndicatorCommand } from '../indicator.commands';
import { decideIndicator } from '../indicator.decide';
import { indicatorDefinitions, type IndicatorDefinition } from '../indicator.definition';
import type { IndicatorEvent } from '../indicator.events';
import { evolveIndicator, initialIndicatorState, type IndicatorState } from '../indicator.state';

/** The 50 indicators of the bundled plan, as the tests use them. */
export const PLAN = bundledPlan();
export const DEFINITIONS = indicatorDefinitions(PLAN);
export const def = (no: number): IndicatorDefinition => DEFINITIONS.find((d) => d.no === no)!;

export const ECO = BUNDLED_ECOLOGY_BUREAU;
export const URBAN = '区城管局';
export const SUPPLY = '区供销总社';
/** Late March 2024: the 2023 annual values were due on 31 January. */
export const NOW = '2024-03-28T10:00:00+08:00';
export const EVIDENCE = [{ title: '2023年度统计报表', documentRef: '连统〔2024〕3号' }];

export function metaOf(role: Role, department?: string, now = NOW): CommandMetadata {
  return { actor: { actorId: `${role}-${department ?? 'user'}`, role, ...(department ? { department } : {}) }, now };
}
export const office = (now = NOW) => metaOf('office', '无废办', now);
export const dept = (department: string, now = NOW) => metaOf('department', department, now);

/** given/when/then over one indicator's decider, the definition fixed by its 序号. */
export const givenFor = (no: number) =>
  specFor<IndicatorCommand, IndicatorEvent, IndicatorState>({
    decide: (command, state) => decideIndicator(command, state, def(no)),
    evolve: evolveIndicator,
    initialState: initialIndicatorState,
  });

export const reported = (
  reportId: string,
  period: string,
  department: string,
  value: IndicatorEvent & { type: 'IndicatorReported' } extends { data: { value: infer V } } ? V : never,
  corrects: string | null = null,
  indicatorId = '14',
): IndicatorEvent => ({
  type: 'IndicatorReported',
  data: {
    indicatorId,
    reportId,
    period,
    department,
    value,
    source: '区环境统计年报',
    evidence: EVIDENCE,
    note: '',
    corrects,
    reportedAt: NOW,
  },
});
export const confirmed = (reportId: string, period: string): IndicatorEvent => ({
  type: 'IndicatorReportConfirmed',
  data: { reportId, period, note: '', confirmedAt: NOW },
});
