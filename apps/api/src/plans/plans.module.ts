import { Module } from '@nestjs/common';
import { EventStoreModule } from '@zw/event-store';
import { PlanCatalogueCache } from './plan-catalogue.cache';
import { PlansController } from './plans.http.controller';

@Module({
  imports: [EventStoreModule],
  controllers: [PlansController],
  providers: [PlanCatalogueCache],
  exports: [PlanCatalogueCache],
})
export class PlansModule {}
