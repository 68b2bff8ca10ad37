import { Module } from '@nestjs/common';
import { EventStoreModule } from '@zw/event-store';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PlansModule } from '../plans/plans.module';
import { AccountabilityController } from './accountability.http.controller';
import { AuditTrailController } from './audit-trail.http.controller';
import { BoardCache } from './board.cache';
import { BoardController } from './board.http.controller';
import { CalendarController } from './calendar.http.controller';
import { CityOverviewController } from './city-overview.http.controller';
import { CityOverviewService } from './city-overview.service';
import { lightRulesProvider } from './light-rules.provider';
import { ProjectionService } from './projection.service';
import { ViewContext } from './view-context';

/** Read models over the global log (docs/projections.md). */
@Module({
  imports: [EventStoreModule, PlansModule, OrganisationsModule],
  controllers: [
    BoardController,
    AccountabilityController,
    CalendarController,
    AuditTrailController,
    CityOverviewController,
  ],
  providers: [ProjectionService, ViewContext, BoardCache, CityOverviewService, lightRulesProvider],
  exports: [ProjectionService, ViewContext, CityOverviewService, lightRulesProvider],
})
export class ViewsModule {}
