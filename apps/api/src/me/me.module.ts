import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AuthModule } from '../auth/auth.module';
import { EventStoreModule } from '@zw/event-store';
import { ViewsModule } from '../views/views.module';
import { InboxService } from './inbox.service';
import { MeNotificationsController } from './me-notifications.http.controller';
import { MeTodoController } from './me-todo.http.controller';

/** The signed-in user's own lists: 我的待办 (and the notification inbox). */
@Module({
  imports: [EventStoreModule, ViewsModule, AuthModule, OrganisationsModule],
  controllers: [MeTodoController, MeNotificationsController],
  providers: [InboxService],
})
export class MeModule {}
