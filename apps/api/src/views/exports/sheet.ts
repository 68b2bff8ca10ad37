import type { Worksheet } from 'exceljs';
import { sanitizeWorkbookText } from '@zw/plan';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const LIGHT_FILLS: Record<string, string> = { red: 'FFF4CCCC', yellow: 'FFFFF2CC', green: 'FFD9EAD3' };

/**
 * A workbook with one sheet: bold Chinese header row, rows, widths, the as-of line below.
 * exceljs is loaded on first use, so only exports pay for it.
 */
export async function sheetOf(
  name: string,
  headers: readonly string[],
  widths: readonly number[],
  fill: (sheet: Worksheet) => void,
  asOf: string,
): Promise<Buffer> {
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([...headers]).font = { bold: true };
  fill(sheet);
  sheet.addRow([]);
  sheet.addRow([`截至 ${asOf}（Asia/Shanghai）`]);
  sheet.columns.forEach((column, i) => (column.width = widths[i] ?? 12));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Plan and user text may hold characters XML cannot carry (U+FFFE, controls): dropped here.
  sanitizeWorkbookText(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `Content-Disposition` with an ASCII fallback and the Chinese file name (RFC 5987). */
export function attachment(ascii: string, chinese: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;
}
