import { describe, expect, it } from 'vitest';
import { nameInChinese } from './chinese-names';

const flush = () => new Promise((done) => setTimeout(done, 0));

describe('accessible names in Chinese', () => {
  it('given icons and the English names antd writes, present or rendered later, then each becomes Chinese; other names stay', async () => {
    const root = document.createElement('div');
    root.innerHTML = '<span class="anticon" role="img" aria-label="down"></span>';
    document.body.append(root);
    const stop = nameInChinese(root);
    expect(root.querySelector('.anticon')?.getAttribute('aria-label')).toBe('展开');

    root.insertAdjacentHTML(
      'beforeend',
      '<button aria-label="关闭"><span class="anticon" role="img" aria-label="close"></span></button>' +
        '<span class="anticon" role="img" aria-label="account-book"></span>' +
        '<span role="button" aria-label="Increase Value"></span><a aria-label="A-6 签收"></a>',
    );
    await flush();
    const names = [...root.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'));
    // A code in a name is no English word: it stays.
    expect(names).toEqual(['展开', '关闭', '关闭', '图标', '增加', 'A-6 签收']);

    // React re-rendering an icon with its original name: renamed again.
    root.querySelector('.anticon')?.setAttribute('aria-label', 'loading');
    await flush();
    expect(root.querySelector('.anticon')?.getAttribute('aria-label')).toBe('加载中');
    stop();
    root.remove();
  });
});
