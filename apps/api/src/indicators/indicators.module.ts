import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { FilesModule } from '../files/files.module';
import { PlansModule } from '../plans/plans.module';
import { IndicatorCommandsController } from './indicator-commands.http.controller';
import { IndicatorsController } from './indicators.http.controller';
import { PlanItemsService } from './plan-items';
import { ProjectsController } from './projects.http.controller';

/** Indicators (附件2) and projects (附件5): reports as events, progress, lights, the xlsx table. */
@Module({
  imports: [CommandsModule, PlansModule, FilesModule],
  controllers: [IndicatorsController, IndicatorCommandsController, ProjectsController],
  providers: [PlanItemsService],
})
export class IndicatorsModule {}
