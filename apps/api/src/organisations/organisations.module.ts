import { Module } from '@nestjs/common';
import { EventStoreModule } from '@zw/event-store';
import { OrganisationAccess } from './organisation-access';
import { OrganisationDirectory } from './organisation-directory';
import { Organisations } from './organisations';
import { OrganisationsController } from './organisations.http.controller';

/** The organisation tree (districts, cities, provinces), the plans attached to them, who reaches what. */
@Module({
  imports: [EventStoreModule],
  controllers: [OrganisationsController],
  providers: [OrganisationDirectory, Organisations, OrganisationAccess],
  exports: [OrganisationDirectory, Organisations, OrganisationAccess],
})
export class OrganisationsModule {}
