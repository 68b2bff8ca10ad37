/**
 * Text that XML 1.0 can carry. Spreadsheets are XML: one U+FFFE, a lone surrogate or a control
 * character typed into a task title makes the whole file unreadable for Excel. Allowed are
 * TAB, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF (XML 1.0 §2.2); the rest is
 * dropped on the way out, so an export always opens.
 */
import type { Workbook } from 'exceljs';

const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Every text a workbook will write — cell values, rich text runs, notes, sheet names — made XML-safe. */
export function sanitizeWorkbookText(workbook: Workbook): void {
  for (const sheet of workbook.worksheets) {
    sheet.name = xmlSafeText(sheet.name);
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        if (typeof value === 'string') cell.value = xmlSafeText(value);
        else if (value && typeof value === 'object' && 'richText' in value)
          cell.value = { richText: value.richText.map((run) => ({ ...run, text: xmlSafeText(run.text) })) };
        if (typeof cell.note === 'string') cell.note = xmlSafeText(cell.note);
      }),
    );
  }
}
