import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LightTag, lightReason } from './light-tag';

describe('LightTag', () => {
  it('given a red light with reasons, then it shows the word 红 and carries the reasons for hover and screen readers', () => {
    const light = {
      colour: 'red' as const,
      label: '红',
      reasons: [
        { rule: 'overdue', text: '里程碑“完成任务”已逾期 3 天' },
        { rule: 'unacknowledged', text: '区经发局未签收' },
      ],
    };
    render(<LightTag light={light} />);
    const tag = screen.getByText('红');
    expect(tag.closest('[aria-label]')?.getAttribute('aria-label')).toBe(
      '红灯：里程碑“完成任务”已逾期 3 天；区经发局未签收',
    );
    expect(tag.closest('[tabindex]')?.getAttribute('tabindex')).toBe('0');
    expect(lightReason(light)).toBe('里程碑“完成任务”已逾期 3 天；区经发局未签收');
  });

  it('given a task not yet assigned, then the tag reads 未交办 and is not a focus stop', () => {
    render(<LightTag light={{ colour: null, label: '未交办', reasons: [] }} />);
    const tag = screen.getByText('未交办');
    expect(tag.getAttribute('tabindex')).toBeNull();
    expect(tag.getAttribute('aria-label')).toBe('未交办');
  });
});
