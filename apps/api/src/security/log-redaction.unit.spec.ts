import { redactRequest } from './log-redaction';

describe('access-log redaction of calendar feed keys', () => {
  const key = 'w3JbChPWntktM9AAIwwq-iGuZNeyxqBJJp2dN4C3oD0';

  it('given a feed request, keeps the path shape and drops the key from the URL and the parameters', () => {
    const logged = redactRequest({
      method: 'GET',
      url: `/calendar/feeds/${key}.ics?x=1`,
      params: { path: ['calendar', 'feeds', `${key}.ics`], key },
    });
    expect(logged.url).toBe('/calendar/feeds/[redacted]?x=1');
    expect(JSON.stringify(logged)).not.toContain(key);
  });

  it('given an encoded slash or another route, redacts the first and leaves the second alone', () => {
    expect(JSON.stringify(redactRequest({ url: `/calendar%2Ffeeds%2F${key}.ics`, params: {} }))).not.toContain(key);
    const other = { url: '/tasks/C-5', params: { code: 'C-5' } };
    expect(redactRequest(other)).toBe(other);
  });
});
