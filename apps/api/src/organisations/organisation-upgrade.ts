import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import type { DefaultOrganisation } from '@zw/domain';
import { EVENT_STORE, EventStoreModule, type EventStore } from '@zw/event-store';
import { loadBundledPlans, planStreamId } from '@zw/plan';
import { AuthModule } from '../auth/auth.module';
import { UserAccounts } from '../auth/users/user-accounts';
import { systemRequest } from '../commands/command-request';
import { send, stream } from '../commands/commands';
import { PlanCatalogueCache } from '../plans/plan-catalogue.cache';
import { PlansModule } from '../plans/plans.module';
import { OrganisationAccess } from './organisation-access';
import { OrganisationsModule } from './organisations.module';

const PAGE = 1000;
const ACTOR = 'system:organisations-upgrade';

/**
 * Brings a deployment from before organisations into the tree on the first start of this
 * version, by events (nothing is rewritten): every account is bound to the default
 * organisation (`UserBoundToOrganisation`), then the default organisation is created and every
 * stored plan attached to it (`AdoptUnclaimedPlans`). Accounts first, so a start cut short between the
 * two binds nothing twice and still creates the tree on the next start. Once the tree exists this
 * does nothing: accounts are created bound, and a plan stored from the shell later counts as the
 * default organisation's (OrganisationAccess.ownerOf).
 */
@Injectable()
export class OrganisationUpgrade implements OnApplicationBootstrap {
  private readonly logger = new Logger('Organisations');

  constructor(
    private readonly access: OrganisationAccess,
    private readonly bus: CommandBus,
    private readonly accounts: UserAccounts,
    private readonly plans: PlanCatalogueCache,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.run();
  }

  async run(): Promise<{ accountsBound: number; organisationEvents: number }> {
    if ((await this.access.tree()).nodes.size > 0) return { accountsBound: 0, organisationEvents: 0 };
    const organisationId = this.config.defaultOrganisationId;
    let accountsBound = 0;
    for (const account of await this.accounts.list()) {
      if (account.user.organisationId !== null) continue;
      const { events } = await send(
        this.bus,
        systemRequest(ACTOR),
        stream.user(account.user.username),
        'BindToOrganisation',
        {
          organisationId,
          reason: '升级：此前的账号归入默认组织',
        },
      );
      accountsBound += events.length;
    }
    const organisation = await this.defaultOrganisation();
    const plans = await this.storedPlans();
    const { events } = await send(this.bus, systemRequest(ACTOR), stream.organisations(), 'AdoptUnclaimedPlans', {
      organisation,
      plans,
    });
    if (accountsBound + events.length > 0)
      this.logger.log(
        { organisationId, accountsBound, plansAttached: events.filter((e) => e.type === 'PlanAttached').length },
        'upgraded to organisations: accounts and plans attached to the default organisation',
      );
    return { accountsBound, organisationEvents: events.length };
  }

  /** Named and levelled as the default plan's settings say (stored, else the bundled file), else by its id. */
  private async defaultOrganisation(): Promise<DefaultOrganisation> {
    const id = this.config.defaultOrganisationId;
    const plan =
      (await this.plans.find(this.config.defaultPlanId))?.plan ??
      loadBundledPlans().find((p) => p.id === this.config.defaultPlanId);
    return { id, name: plan?.settings.organisation.name ?? id, kind: plan?.settings.organisation.kind ?? 'district' };
  }

  /** The ids of the plans the store holds (their catalogue streams' imports). */
  private async storedPlans(): Promise<string[]> {
    const prefix = planStreamId('');
    const ids = new Set<string>();
    for (let from: bigint | undefined; ;) {
      const page = await this.store.readAll(from, PAGE);
      for (const e of page)
        if (e.type === 'PlanImported' && e.streamId.startsWith(prefix)) ids.add(e.streamId.slice(prefix.length));
      if (page.length < PAGE) return [...ids];
      from = page.at(-1)!.position;
    }
  }
}

@Module({
  imports: [EventStoreModule, AuthModule, PlansModule, OrganisationsModule],
  providers: [OrganisationUpgrade],
})
export class OrganisationUpgradeModule {}
