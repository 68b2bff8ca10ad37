import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule } from '@zw/event-store';
import { FilesModule } from '../files/files.module';
import { PlansModule } from '../plans/plans.module';
import { ExecuteItemCommandHandler } from './execute-item-command.handler';
import { IndicatorCommandsController } from './indicator-commands.http.controller';
import { IndicatorsController } from './indicators.http.controller';
import { ItemCommandSender } from './item-command.sender';
import { ItemStreams } from './item-streams';
import { PlanItemsService } from './plan-items';
import { ProjectsController } from './projects.http.controller';

/** Indicators (附件2) and projects (附件5): reports as events, progress, lights, the xlsx table. */
@Module({
  imports: [CqrsModule, EventStoreModule, PlansModule, FilesModule],
  controllers: [IndicatorsController, IndicatorCommandsController, ProjectsController],
  providers: [ExecuteItemCommandHandler, ItemCommandSender, ItemStreams, PlanItemsService],
})
export class IndicatorsModule {}
