/**
 * Accessible names in English that antd and its rc-components write whatever the locale:
 * the close buttons of dialogs and notices ("Close"), the InputNumber steppers.
 */
const PHRASES: Record<string, string> = {
  Close: '关闭',
  'Increase Value': '增加',
  'Decrease Value': '减少',
};

/**
 * antd's icons name themselves in English (`<span role="img" aria-label="down">`, from the icon's
 * file name) and neither the locale nor any context renames them. A screen reader would read
 * "down", "close-circle" or "eye-invisible" to a Chinese user, so the console renames them as
 * they are rendered. The names say what the icon means where antd uses it.
 */
export const ICON_NAMES: Record<string, string> = {
  bars: '菜单',
  calendar: '日历',
  'caret-down': '向下',
  'caret-up': '向上',
  check: '已选',
  'check-circle': '成功',
  'clock-circle': '时间',
  close: '关闭',
  'close-circle': '清除',
  copy: '复制',
  delete: '删除',
  'double-left': '向前',
  'double-right': '向后',
  down: '展开',
  download: '下载',
  edit: '编辑',
  ellipsis: '更多',
  enter: '确认',
  'exclamation-circle': '警告',
  eye: '隐藏输入内容',
  'eye-invisible': '显示输入内容',
  file: '文件',
  'file-text': '文件',
  filter: '筛选',
  holder: '拖动',
  'info-circle': '提示',
  left: '向左',
  loading: '加载中',
  'paper-clip': '附件',
  plus: '添加',
  'question-circle': '帮助',
  reload: '重新加载',
  right: '向右',
  search: '搜索',
  'swap-right': '至',
  up: '收起',
  warning: '警告',
};

/** Renames what is under `root` now and whenever the page renders more; returns the stop. */
export function nameInChinese(root: HTMLElement): () => void {
  const renameOne = (element: Element) => {
    const name = element.getAttribute('aria-label') ?? '';
    if (!/[A-Za-z]/.test(name)) return;
    const chinese =
      PHRASES[name] ??
      // An icon's name the table does not know is still no word for the reader: 图标.
      (element.classList.contains('anticon') ? (ICON_NAMES[name] ?? '图标') : undefined);
    if (chinese) element.setAttribute('aria-label', chinese);
  };
  const rename = (node: Node) => {
    if (!(node instanceof Element)) return;
    if (node.hasAttribute('aria-label')) renameOne(node);
    node.querySelectorAll('[aria-label]').forEach(renameOne);
  };
  rename(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') rename(record.target);
      else record.addedNodes.forEach(rename);
    }
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  return () => observer.disconnect();
}
