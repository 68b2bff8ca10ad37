/**
 * Text of an exceljs cell whatever Excel stored: offices type 2023 as a number, paste rich text
 * from Word, or fill a column with formulas. The task data is text, so everything becomes text.
 */
import type { CellValue } from 'exceljs';

export function cellText(value: CellValue): string {
  return rawText(value).trim();
}

function rawText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // 2023 typed as a number reads back as 2023, not 2023.0; integers are all the column holds.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return rawText(value.result);
  // Hyperlink text is itself rich text when the link was pasted with formatting.
  if ('hyperlink' in value) return rawText(value.text as CellValue);
  if ('error' in value) return value.error;
  return '';
}

/**
 * Why a cell's text cannot be trusted, or null. exceljs does not evaluate formulas: it reads the
 * result Excel cached on save, which files written by other tools may lack.
 */
export function cellDefect(value: CellValue): string | null {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return null;
  if ('error' in value) return `单元格为错误值 ${value.error}`;
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined) return '公式没有计算结果，请在 Excel 中重新计算并保存';
    if (typeof value.result === 'object' && !(value.result instanceof Date))
      return `公式结果为错误值 ${value.result.error}`;
  }
  return null;
}
