import { Module } from '@nestjs/common';
import { EventStoreModule } from '@zw/event-store';
import { PlansModule } from '../plans/plans.module';
import { AccountabilityController } from './accountability.http.controller';
import { AuditTrailController } from './audit-trail.http.controller';
import { BoardCache } from './board.cache';
import { BoardController } from './board.http.controller';
import { CalendarController } from './calendar.http.controller';
import { lightRulesProvider } from './light-rules.provider';
import { ProjectionService } from './projection.service';
import { ViewContext } from './view-context';

/** Read models over the global log (docs/projections.md). */
@Module({
  imports: [EventStoreModule, PlansModule],
  controllers: [BoardController, AccountabilityController, CalendarController, AuditTrailController],
  providers: [ProjectionService, ViewContext, BoardCache, lightRulesProvider],
  exports: [ProjectionService, ViewContext],
})
export class ViewsModule {}
