import { Module } from '@nestjs/common';
import { ViewsModule } from '../views/views.module';
import { MeTodoController } from './me-todo.http.controller';

/** The signed-in user's own lists: 我的待办 (and the notification inbox). */
@Module({ imports: [ViewsModule], controllers: [MeTodoController] })
export class MeModule {}
