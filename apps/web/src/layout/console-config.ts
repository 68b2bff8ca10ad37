import type { ConfigProviderProps } from 'antd/es/config-provider';
import zhCN from 'antd/locale/zh_CN';

// The office's green; links, the selected menu item, placeholders and the red of 停用/退回 buttons
// keep a 4.5:1 contrast (axe).
const THEME = {
  token: {
    colorPrimary: '#0b6e4f',
    colorError: '#cf1322',
    colorLink: '#0b6e4f',
    colorTextSecondary: '#595959',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#707070',
  },
  components: { Menu: { itemSelectedBg: '#e3f1eb', itemSelectedColor: '#085a40' } },
};

/**
 * antd for the whole console: Chinese, the office's colours. No space is inserted between two
 * Chinese characters (the button reads 登录, as people and tests name it). rc-dialog names its
 * close button "Close" whatever the locale, and only aria props given in `closable` replace that
 * name, so every modal gets its Chinese name here.
 */
export const CONSOLE_CONFIG = {
  locale: zhCN,
  button: { autoInsertSpace: false },
  modal: { closable: { 'aria-label': '关闭' } },
  theme: THEME,
} satisfies ConfigProviderProps;
