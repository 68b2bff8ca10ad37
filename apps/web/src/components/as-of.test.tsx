import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AsOfBanner } from './as-of';

describe('AsOfBanner (历史回看)', () => {
  it('given a past date, then it says the page shows that past day, and 返回当前 clears it', () => {
    const onBack = vi.fn();
    render(<AsOfBanner asOf="2023-06-30" onBack={onBack} />);
    expect(screen.getByText('正在查看 2023-06-30 当日结束时的历史状态，不是当前情况')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '返回当前' }));
    expect(onBack).toHaveBeenCalledTimes(1);
  });
});
