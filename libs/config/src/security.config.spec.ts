import { loadConfig } from './config';

describe('security settings (issue 15)', () => {
  it('defaults: 100 login attempts per address, no management port, no trusted proxy, 1000亿元 at most', () => {
    expect(loadConfig({}).security).toEqual({ loginAddressLimit: 100, maxInvestmentWanYuan: 10_000_000 });
  });

  it('reads the management port (loopback unless told), the address limit and the trusted proxies', () => {
    const config = loadConfig({
      MANAGEMENT_PORT: '9464',
      LOGIN_THROTTLE_ADDRESS_LIMIT: '40',
      TRUST_PROXY: '10.0.0.5, loopback',
      MAX_INVESTMENT_WAN_YUAN: '500000',
    });
    expect(config.security).toEqual({
      loginAddressLimit: 40,
      maxInvestmentWanYuan: 500_000,
      management: { port: 9464, host: '127.0.0.1' },
      trustProxy: '10.0.0.5,loopback',
    });
    expect(loadConfig({ MANAGEMENT_PORT: '9464', MANAGEMENT_HOST: '0.0.0.0' }).security.management?.host).toBe(
      '0.0.0.0',
    );
    expect(loadConfig({ TRUST_PROXY: '2' }).security.trustProxy).toBe(2);
  });

  it('refuses a management port equal to PORT, TRUST_PROXY=true and bad numbers, naming each variable', () => {
    expect(() =>
      loadConfig({ PORT: '3000', MANAGEMENT_PORT: '3000', TRUST_PROXY: 'true', LOGIN_THROTTLE_ADDRESS_LIMIT: '0' }),
    ).toThrow(
      /MANAGEMENT_PORT="3000" must differ from PORT[\s\S]*TRUST_PROXY="true"|TRUST_PROXY[\s\S]*MANAGEMENT_PORT/,
    );
    expect(() => loadConfig({ LOGIN_THROTTLE_ADDRESS_LIMIT: 'many' })).toThrow(/LOGIN_THROTTLE_ADDRESS_LIMIT="many"/);
    expect(() => loadConfig({ MANAGEMENT_PORT: '70000' })).toThrow(/MANAGEMENT_PORT="70000"/);
    for (const bad of ['0', '1e21', '12.5', '200000000000'])
      expect(() => loadConfig({ MAX_INVESTMENT_WAN_YUAN: bad })).toThrow(`MAX_INVESTMENT_WAN_YUAN="${bad}"`);
  });
});
