import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CommandIn, type CommandRequest } from '../commands/command-request';
import { sendTask } from '../commands/commands';
import { ExtensionRequestDto, NoteDto, ReasonDto } from './dto/task-command.dtos';
import { Policy } from '../auth/policy.decorator';

/** 会签, 办结 / 退回 and 延期: how a task closes, or gets more time. */
@ApiTags('会签、办结与延期')
@Controller('tasks/:code')
export class TaskClosureController {
  constructor(private readonly bus: CommandBus) {}

  @Policy('task.request-sign-off')
  @Post('sign-off-request')
  requestSignOff(@Param('code') code: string, @Body() b: NoteDto, @CommandIn() c: CommandRequest) {
    return sendTask(this.bus, c, code, 'RequestSignOff', note(b));
  }

  /** 会签: a cooperating department signs off the result. */
  @Policy('task.sign-off')
  @Post('sign-offs')
  signOff(@Param('code') code: string, @Body() b: NoteDto, @CommandIn() c: CommandRequest) {
    return sendTask(this.bus, c, code, 'SignOff', note(b));
  }

  /** An objection sends the task back to in progress. */
  @Policy('task.object-to-sign-off')
  @Post('objections')
  object(@Param('code') code: string, @Body() b: ReasonDto, @CommandIn() c: CommandRequest) {
    return sendTask(this.bus, c, code, 'ObjectToSignOff', { reason: b.reason });
  }

  /** 办结 */
  @Policy('task.accept')
  @Post('acceptance')
  accept(@Param('code') code: string, @Body() b: NoteDto, @CommandIn() c: CommandRequest) {
    return sendTask(this.bus, c, code, 'AcceptTask', note(b));
  }

  /** 退回 */
  @Policy('task.return')
  @Post('return')
  giveBack(@Param('code') code: string, @Body() b: ReasonDto, @CommandIn() c: CommandRequest) {
    return sendTask(this.bus, c, code, 'ReturnTask', { reason: b.reason });
  }

  /** 延期申请 by the lead, for the task or one milestone, before its due date. */
  @Policy('task.request-extension')
  @Post('extensions')
  requestExtension(@Param('code') code: string, @Body() b: ExtensionRequestDto, @CommandIn() c: CommandRequest) {
    const target = b.milestoneId
      ? { kind: 'milestone' as const, milestoneId: b.milestoneId }
      : { kind: 'task' as const };
    const extensionId = `x-${randomUUID().slice(0, 8)}`;
    return sendTask(
      this.bus,
      c,
      code,
      'RequestExtension',
      { extensionId, target, newDueDate: b.newDueDate, reason: b.reason },
      { extensionId },
    );
  }

  @Policy('task.approve-extension')
  @Post('extensions/:extensionId/approval')
  approve(
    @Param('code') code: string,
    @Param('extensionId') extensionId: string,
    @Body() b: NoteDto,
    @CommandIn() c: CommandRequest,
  ) {
    return sendTask(this.bus, c, code, 'ApproveExtension', { extensionId, ...note(b) });
  }

  @Policy('task.reject-extension')
  @Post('extensions/:extensionId/rejection')
  reject(
    @Param('code') code: string,
    @Param('extensionId') extensionId: string,
    @Body() b: ReasonDto,
    @CommandIn() c: CommandRequest,
  ) {
    return sendTask(this.bus, c, code, 'RejectExtension', { extensionId, reason: b.reason });
  }
}

function note(b: NoteDto): { note?: string } {
  return b.note ? { note: b.note } : {};
}
