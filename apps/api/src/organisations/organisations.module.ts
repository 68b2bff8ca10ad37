import { Module } from '@nestjs/common';
import { EventStoreModule } from '@zw/event-store';
import { OrganisationDirectory } from './organisation-directory';

/** The organisation tree (districts, cities, provinces) and the plans attached to them. */
@Module({
  imports: [EventStoreModule],
  providers: [OrganisationDirectory],
  exports: [OrganisationDirectory],
})
export class OrganisationsModule {}
