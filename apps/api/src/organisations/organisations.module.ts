import { Module } from '@nestjs/common';
import { EventStoreModule } from '@zw/event-store';
import { CommandsModule } from '../commands/commands.module';
import { OrganisationAccess } from './organisation-access';
import { OrganisationsController } from './organisations.http.controller';

/** The organisation tree (districts, cities, provinces), the plans attached to them, who reaches what. */
@Module({
  imports: [EventStoreModule, CommandsModule],
  controllers: [OrganisationsController],
  providers: [OrganisationAccess],
  exports: [OrganisationAccess, CommandsModule],
})
export class OrganisationsModule {}
