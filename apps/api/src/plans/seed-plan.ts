import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@zw/clock';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { importPlan, loadBundledPlans, type Plan } from '@zw/plan';
import { Logger } from 'nestjs-pino';
import { systemMetadata } from '../actor/actor';
import { systemRequest } from '../commands/command-request';
import { send, stream } from '../commands/commands';

/**
 * `npm start -- --seed-plan`: the embedded default starts with the plans bundled in
 * `libs/plan/data` loaded. Idempotent, so it is safe on every start: an unchanged plan appends nothing.
 */
export async function seedBundledPlans(app: INestApplication): Promise<void> {
  // Commands go over the bus, whose handlers are registered at init; the organisation upgrade
  // (also at init) has then made the default organisation the seeded plans are attached to.
  await app.init();
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
    await attachToDefaultOrganisation(app, plan);
  }
}

/**
 * A seeded plan no organisation claims yet belongs to the default organisation, as the upgrade
 * attaches such plans (the same command: nothing when another organisation holds it).
 */
async function attachToDefaultOrganisation(app: INestApplication, plan: Plan): Promise<void> {
  const organisation = { id: app.get<AppConfig>(APP_CONFIG).defaultOrganisationId, ...plan.settings.organisation };
  await send(app.get(CommandBus), systemRequest('system:seed-plan'), stream.organisations(), 'AdoptUnclaimedPlans', {
    organisation,
    plans: [plan.id],
  });
}
