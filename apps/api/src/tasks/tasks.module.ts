import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { FilesModule } from '../files/files.module';
import { PlansModule } from '../plans/plans.module';
import { ViewsModule } from '../views/views.module';
import { TaskAssignmentController } from './task-assignment.http.controller';
import { TaskClosureController } from './task-closure.http.controller';
import { TaskReadController } from './task-read.http.controller';
import { TaskWorkController } from './task-work.http.controller';

@Module({
  imports: [CommandsModule, PlansModule, ViewsModule, FilesModule],
  controllers: [TaskReadController, TaskAssignmentController, TaskWorkController, TaskClosureController],
})
export class TasksModule {}
