import { Module } from '@nestjs/common';
import { EventStoreModule } from '@zw/event-store';
import { AuthModule } from '../../auth/auth.module';
import { PlansModule } from '../../plans/plans.module';
import { ViewsModule } from '../views.module';
import { CalendarFeedStore } from './calendar-feed.store';
import { CalendarFeedsController } from './calendar-feeds.http.controller';
import { FeedAccess } from './feed-access';

/** Calendar feeds as revocable capabilities: the feed-key stream, its routes, the public feed. */
@Module({
  imports: [EventStoreModule, PlansModule, ViewsModule, AuthModule],
  controllers: [CalendarFeedsController],
  providers: [CalendarFeedStore, FeedAccess],
})
export class CalendarFeedsModule {}
