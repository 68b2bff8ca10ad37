import { describe, expect, it } from 'vitest';
import { unreadText } from './notices';

describe('unread count in the header', () => {
  it('given nothing unread, then no badge; up to 99 the number; beyond, 99+', () => {
    expect(unreadText(0)).toBeUndefined();
    expect(unreadText(7)).toBe('7');
    expect(unreadText(120)).toBe('99+');
  });
});
