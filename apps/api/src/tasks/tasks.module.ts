import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule } from '@zw/event-store';
import { FilesModule } from '../files/files.module';
import { PlansModule } from '../plans/plans.module';
import { ViewsModule } from '../views/views.module';
import { ExecuteTaskCommandHandler } from './execute-task-command.handler';
import { TaskAssignmentController } from './task-assignment.http.controller';
import { TaskClosureController } from './task-closure.http.controller';
import { TaskCommandSender } from './task-command.sender';
import { TaskReadController } from './task-read.http.controller';
import { TaskStreamCache } from './task-stream.cache';
import { TaskWorkController } from './task-work.http.controller';

@Module({
  imports: [CqrsModule, EventStoreModule, PlansModule, ViewsModule, FilesModule],
  controllers: [TaskReadController, TaskAssignmentController, TaskWorkController, TaskClosureController],
  providers: [ExecuteTaskCommandHandler, TaskCommandSender, TaskStreamCache],
})
export class TasksModule {}
