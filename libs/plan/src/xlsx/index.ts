export { readTaskSheet, type TaskSheetOptions, type TaskSheetResult } from './task-sheet.reader';
export { taskSheetFromPlan, TASK_SHEET_NAME } from './task-sheet.writer';
export { TaskSheetError, type TaskSheetProblem } from './task-sheet.problems';
export { TASK_COLUMNS, DEFAULT_SYSTEMS as DEFAULT_TASK_SHEET_SYSTEMS } from './task-sheet.layout';
export { XLSX_LIMITS, TaskSheetTooLargeError, inspectArchive, type SheetLimit } from './xlsx-limits';
export { xmlSafeText, sanitizeWorkbookText } from './xml-text';
