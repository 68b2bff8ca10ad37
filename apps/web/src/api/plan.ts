/**
 * The plan the console works on: the deployment's default plan, which the api writes into the
 * page (`<meta name="zw-plan">`, apps/api/src/web/web-console.ts); the code names no plan.
 */
export function currentPlanId(): string {
  const meta = document.querySelector('meta[name="zw-plan"]')?.getAttribute('content');
  // `npm run dev:web` serves its own index.html: set VITE_PLAN_ID there.
  return meta ?? (import.meta.env.VITE_PLAN_ID as string | undefined) ?? '';
}
