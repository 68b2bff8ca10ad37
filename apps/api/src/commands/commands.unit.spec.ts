import type { Command } from '@nestjs/cqrs';
import { ORGANISATIONS_STREAM_ID, taskStreamId } from '@zw/domain';
import { systemRequest } from './command-request';
import { send, stream, type CommandSender } from './commands';
import { ExecuteCommand } from './execute-command.handler';

/** A bus that keeps what it was given: `send` only names the stream and puts plain data on it. */
function recordingBus(): CommandSender & { sent: ExecuteCommand[] } {
  const sent: ExecuteCommand[] = [];
  return {
    sent,
    execute: async <R>(command: Command<R>) => {
      sent.push(command as unknown as ExecuteCommand);
      return undefined as R;
    },
  };
}

describe('send: one command to one stream, typed by its kind', () => {
  const request = systemRequest('test:send');

  it('given an account, then the command goes to its user stream with no context', async () => {
    const bus = recordingBus();
    await send(bus, request, stream.user('zhang@qinglan'), 'EnableUser', {});
    expect(bus.sent).toEqual([
      expect.objectContaining({
        kind: 'user',
        streamId: 'user-zhang@qinglan',
        intent: { type: 'EnableUser', data: {} },
        context: undefined,
        request,
      }),
    ]);
    expect(bus.sent[0]).toBeInstanceOf(ExecuteCommand);
  });

  it('given the organisation tree and a task, then each goes to its one stream', async () => {
    const bus = recordingBus();
    const rename = { organisationId: 'qinglan', name: '青岚区' };
    await send(bus, request, stream.organisations(), 'RenameOrganisation', rename);
    await send(bus, request, stream.task('plan-1', 'C-5'), 'AcknowledgeTask', {});
    expect(bus.sent.map((c) => [c.kind, c.streamId, c.intent.type])).toEqual([
      ['organisation', ORGANISATIONS_STREAM_ID, 'RenameOrganisation'],
      ['task', taskStreamId('plan-1', 'C-5'), 'AcknowledgeTask'],
    ]);
  });

  it('given an impossible user name, then it is refused before anything is sent', () => {
    const bus = recordingBus();
    expect(() => send(bus, request, stream.user('Not A Name'), 'EnableUser', {})).toThrow(
      expect.objectContaining({ code: 'USER.INVALID_USERNAME' }),
    );
    expect(bus.sent).toEqual([]);
  });

  it('given a command of another kind, then it does not compile (npm run typecheck reads this file)', () => {
    const bus = recordingBus();
    const refused = () => [
      // @ts-expect-error a task command is no command of an account
      send(bus, request, stream.user('zhang'), 'AcknowledgeTask', {}),
      // @ts-expect-error the data of another command of the same kind
      send(bus, request, stream.user('zhang'), 'DisableUser', {}),
    ];
    expect(typeof refused).toBe('function'); // never run: the compiler is the check
    expect(bus.sent).toEqual([]);
  });
});
