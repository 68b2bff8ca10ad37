import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useOwnPlanId } from '../../api/own-plan';
import { currentPlanId } from '../../api/plan';

const DEFAULT_PLAN = currentPlanId();

/** The plan this user works on: its organisation's, the deployment's default until that is known. */
export function usePlanId(): string | undefined {
  return useOwnPlanId() ?? (DEFAULT_PLAN || undefined);
}

/**
 * The plan's departments as choices for a Select: names are picked from the plan, never typed,
 * so a command can only name a department the api knows.
 */
export function useDepartmentOptions(): { options: { value: string; label: string }[]; loading: boolean } {
  const planId = usePlanId();
  const departments = useQuery({
    queryKey: ['plan', planId, 'departments'],
    enabled: planId !== undefined,
    queryFn: () =>
      unwrap<{ name: string }[]>(
        api.GET('/plans/{planId}/{list}', { params: { path: { planId: planId ?? '', list: 'departments' } } }),
      ),
    staleTime: Infinity,
  });
  return {
    options: (departments.data ?? []).map((d) => ({ value: d.name, label: d.name })),
    loading: departments.isLoading,
  };
}
