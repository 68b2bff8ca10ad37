import type { Dayjs } from 'dayjs';
import type { components } from '../../api/schema';
import type { AssignedTaskView } from '../../api/responses';

export interface ReassignForm {
  lead: string[];
  cooperating?: string[];
  acknowledgeBy?: Dayjs;
  reason: string;
}

/** The form's starting point: the departments the task has now. */
export function currentDepartments(
  task: Pick<AssignedTaskView, 'departments'>,
): Pick<ReassignForm, 'lead' | 'cooperating'> {
  const of = (role: 'lead' | 'cooperating') => task.departments.filter((d) => d.role === role).map((d) => d.name);
  return { lead: of('lead'), cooperating: of('cooperating') };
}

/** The 改派 body: a date as YYYY-MM-DD, left out when empty so the api gives 3 working days. */
export function reassignmentBody(values: ReassignForm): components['schemas']['ReassignTaskDto'] {
  return {
    reason: values.reason.trim(),
    lead: values.lead,
    // A department named as lead is not also a cooperating one (the api would refuse the overlap).
    cooperating: (values.cooperating ?? []).filter((name) => !values.lead.includes(name)),
    ...(values.acknowledgeBy ? { acknowledgeBy: values.acknowledgeBy.format('YYYY-MM-DD') } : {}),
  };
}

/** True when the form names exactly the departments the task already has (nothing to 改派). */
export function unchanged(
  task: Pick<AssignedTaskView, 'departments'>,
  values: Pick<ReassignForm, 'lead' | 'cooperating'>,
) {
  const now = currentDepartments(task);
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  const cooperating = (values.cooperating ?? []).filter((name) => !values.lead.includes(name));
  return same(now.lead, values.lead) && same(now.cooperating ?? [], cooperating);
}
