import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../auth/auth-context';
import { api, unwrap } from './client';
import { currentPlanId } from './plan';

/**
 * The plan the signed-in user works on: the plan its organisation attached last (GET
 * /organisations lists the organisations in the user's reach with their plans). Nothing of one
 * district's plan is written into the console: several districts share one deployment.
 */
export function useOwnPlanId(): string | undefined {
  const { user } = useAuth();
  const organisations = useQuery({
    queryKey: ['organisations'],
    queryFn: () => unwrap(api.GET('/organisations')),
    staleTime: 60_000,
  });
  const rows = organisations.data ?? [];
  const own = rows.find((o) => o.id === user?.organisationId) ?? rows.find((o) => o.plans.length > 0);
  return own?.plans.at(-1);
}

const DEFAULT_PLAN = currentPlanId();

/** The user's own plan; the deployment's default (written into the page) until that is known. */
export function usePlanId(): string | undefined {
  return useOwnPlanId() ?? (DEFAULT_PLAN || undefined);
}
