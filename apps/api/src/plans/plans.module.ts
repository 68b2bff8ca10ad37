import { Module } from '@nestjs/common';
import { EventStoreModule } from '@zw/event-store';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PlanCatalogueCache } from './plan-catalogue.cache';
import { PlanImportController } from './plan-import.http.controller';
import { PlansController } from './plans.http.controller';

@Module({
  imports: [EventStoreModule, OrganisationsModule],
  controllers: [PlanImportController, PlansController],
  providers: [PlanCatalogueCache],
  exports: [PlanCatalogueCache],
})
export class PlansModule {}
