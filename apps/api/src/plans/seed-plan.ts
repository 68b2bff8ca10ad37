import type { INestApplication } from '@nestjs/common';
import { CLOCK, toShanghaiIso, type Clock } from '@zw/clock';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { decideOrganisations } from '@zw/domain';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { importPlan, loadBundledPlans } from '@zw/plan';
import { Logger } from 'nestjs-pino';
import { systemMetadata } from '../actor/actor';
import { Organisations } from '../organisations/organisations';

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
    await attachToDefaultOrganisation(app, result.planId);
  }
}

/** A seeded plan no organisation claims yet belongs to the default organisation (as the upgrade attaches such plans). */
async function attachToDefaultOrganisation(app: INestApplication, planId: string): Promise<void> {
  const config = app.get<AppConfig>(APP_CONFIG);
  const clock = app.get<Clock>(CLOCK);
  const organisationId = config.defaultOrganisationId;
  await app.get(Organisations).decideAndAppend(
    (tree) =>
      tree.planOwners.has(planId) || !tree.nodes.has(organisationId)
        ? []
        : decideOrganisations(
            {
              type: 'AttachPlan',
              data: { organisationId, planId },
              metadata: { actor: { actorId: 'system:seed-plan', role: 'system' }, now: toShanghaiIso(clock.now()) },
            },
            tree,
          ),
    systemMetadata('system:seed-plan', clock),
  );
}
