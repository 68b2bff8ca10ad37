import { EventEmitter } from 'node:events';
import { RedisOutageLog } from './redis-outage.log';

describe('Redis outage log', () => {
  it('given 38 connection errors over three connections during an outage, then one warning; when one is ready again, one info line; a second outage warns again', () => {
    const lines: string[] = [];
    const log = new RedisOutageLog({
      warn: (_, message) => lines.push(`warn ${message}`),
      log: (_, message) => lines.push(`info ${message}`),
    });
    const connections = [new EventEmitter(), new EventEmitter(), new EventEmitter()];
    for (const c of connections) log.watch(c);
    const refused = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    for (let i = 0; i < 38; i++) connections[i % 3]!.emit('error', refused);
    connections[0]!.emit('ready');
    connections[1]!.emit('ready');
    connections[2]!.emit('error', refused);
    expect(lines).toEqual([
      'warn Redis is unreachable: reminders wait (nothing is lost: jobs and the log stay) until it is back',
      'info Redis is reachable again: reminders run',
      'warn Redis is unreachable: reminders wait (nothing is lost: jobs and the log stay) until it is back',
    ]);
  });
});
