import { Module } from '@nestjs/common';
import { EventStoreModule } from '@zw/event-store';
import { PlansController } from './plans.http.controller';

@Module({ imports: [EventStoreModule], controllers: [PlansController] })
export class PlansModule {}
