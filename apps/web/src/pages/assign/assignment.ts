import type { Dayjs } from 'dayjs';
import type { components } from '../../api/schema';

export interface AssignForm {
  lead: string[];
  cooperating?: string[];
  dueDate?: Dayjs;
  acknowledgeBy?: Dayjs;
  /** A prefilled default keeps its id (y2023…); one the office adds gets one from the api. */
  milestones?: { milestoneId?: string; title: string; dueDate: Dayjs; owner: string }[];
}

type Milestone = components['schemas']['MilestoneDto'];

/**
 * The 交办 body from the form: dates as YYYY-MM-DD; what was left empty is left out so the api
 * applies the plan's defaults (departments of the row, one milestone a year, 3 working days).
 */
export function assignmentBody(values: AssignForm): components['schemas']['AssignTaskDto'] {
  const milestones: Milestone[] = (values.milestones ?? []).map((m) => ({
    ...(m.milestoneId ? { milestoneId: m.milestoneId } : {}),
    title: m.title.trim(),
    dueDate: m.dueDate.format('YYYY-MM-DD'),
    owner: m.owner,
  }));
  return {
    lead: values.lead,
    cooperating: values.cooperating ?? [],
    ...(values.dueDate ? { dueDate: values.dueDate.format('YYYY-MM-DD') } : {}),
    ...(values.acknowledgeBy ? { acknowledgeBy: values.acknowledgeBy.format('YYYY-MM-DD') } : {}),
    ...(milestones.length ? { milestones } : {}),
  };
}
