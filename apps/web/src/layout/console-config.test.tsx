import { render, screen } from '@testing-library/react';
import { ConfigProvider, Modal } from 'antd';
import { describe, expect, it } from 'vitest';
import { CONSOLE_CONFIG } from './console-config';

describe('the console-wide antd configuration', () => {
  it('given an open modal, then its close button is named 关闭, nothing is named in English', () => {
    render(
      <ConfigProvider {...CONSOLE_CONFIG}>
        <Modal open title="报送进展" okText="提交" cancelText="取消">
          内容
        </Modal>
      </ConfigProvider>,
    );
    expect(screen.getByRole('button', { name: '关闭' })).toBeTruthy();
    const names = [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'));
    expect(names.filter((name) => /[A-Za-z]/.test(name ?? ''))).toEqual(['close']); // the icon: renamed by chinese-names.ts
  }, 60_000); // the first antd render on a busy shared machine
});
