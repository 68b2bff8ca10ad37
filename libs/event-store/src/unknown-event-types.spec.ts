import { Logger } from '@nestjs/common';
import { decodeAllKnown, UnknownEventTypes } from './unknown-event-types';

const decode = (e: { type: string; data: unknown }) => (e.type === 'Known' ? e : undefined);
const event = (type: string, streamId = 'task-p.A-1') => ({ type, data: {}, streamId });

describe('UnknownEventTypes', () => {
  afterEach(() => jest.restoreAllMocks());

  it('skips unknown types, logs each type once through the app logger, and counts every event', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const tracker = new UnknownEventTypes();
    const events = [event('Known'), event('Newer'), event('Newer', 'task-p.A-2'), event('Other'), event('Newer')];

    expect(decodeAllKnown(events, decode, tracker).map((e) => e.type)).toEqual(['Known']);

    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls.map(([fields]) => fields)).toEqual([
      { event: 'unknown_event_type', type: 'Newer', firstStream: 'task-p.A-1' },
      { event: 'unknown_event_type', type: 'Other', firstStream: 'task-p.A-1' },
    ]);
    expect(tracker.total).toBe(4);
    expect(tracker.report()).toEqual([
      { type: 'Newer', count: 3, firstStream: 'task-p.A-1' },
      { type: 'Other', count: 1, firstStream: 'task-p.A-1' },
    ]);
  });
});
