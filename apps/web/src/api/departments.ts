import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { usePlanId } from './own-plan';

export interface DepartmentOption {
  value: string;
  label: string;
}

/**
 * The plan's departments as choices for a Select: names are picked from the plan, never typed,
 * so a command can only name a department the api knows. `enabled: false` when the user's own
 * department is the only choice (nothing is fetched).
 */
export function useDepartmentOptions(enabled = true): { options: DepartmentOption[]; loading: boolean } {
  const planId = usePlanId();
  const departments = useQuery({
    queryKey: ['plan', planId, 'departments'],
    enabled: enabled && planId !== undefined,
    queryFn: () =>
      unwrap(api.GET('/plans/{planId}/{list}', { params: { path: { planId: planId ?? '', list: 'departments' } } })),
    staleTime: Infinity,
  });
  // The answer is typed as any of the plan's lists; a department row is the one marked canonical.
  const names = (departments.data ?? []).flatMap((row) => ('canonical' in row ? [row.name] : []));
  // Loading until the list is here, also while the plan itself is not yet known.
  const loading = enabled && departments.data === undefined;
  return { options: names.map((name) => ({ value: name, label: name })), loading };
}
