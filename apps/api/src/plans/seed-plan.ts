import type { INestApplication } from '@nestjs/common';
import { CLOCK, type Clock } from '@zw/clock';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { importPlan, loadBundledPlans } from '@zw/plan';
import { Logger } from 'nestjs-pino';
import { systemMetadata } from '../actor/actor';

/**
 * `npm start -- --seed-plan`: the embedded default starts with the plans bundled in
 * `libs/plan/data` loaded. Idempotent, so it is safe on every start: an unchanged plan appends nothing.
 */
export async function seedBundledPlans(app: INestApplication): Promise<void> {
  const store = app.get<EventStore>(EVENT_STORE);
  const clock = app.get<Clock>(CLOCK);
  for (const plan of loadBundledPlans()) {
    const result = await importPlan(store, plan, {
      source: 'seed',
      metadata: systemMetadata('system:seed-plan', clock),
    });
    app
      .get(Logger)
      .log(
        { planId: result.planId, appended: result.appended, findings: result.report.summary },
        result.appended > 0 ? 'plan seeded' : 'plan already loaded, nothing appended',
      );
  }
}
