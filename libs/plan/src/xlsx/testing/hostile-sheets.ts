/**
 * The outside probe's five hostile uploads, rebuilt (issue 15): a zip bomb, a cell far down,
 * a blank cell on Excel's last row, very many rows, and bytes that are no zip at all. Each is
 * a minimal but well-formed .xlsx package (exceljs reads the harmless variant), written with
 * our own zip writer so the directory can also be forged.
 */
import { deflatePart, deflateRepeated, zip, type ZipPart } from './zip-writer';

const HEADER = ['序号', '领域', '任务清单', '牵头单位', '配合单位', '时间'];

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="附件3" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

export const SHEET_PART = 'xl/worksheets/sheet1.xml';

function inline(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

function row(r: number, values: readonly string[]): string {
  return `<row r="${r}">${values.map((v, i) => inline(`${String.fromCharCode(65 + i)}${r}`, v)).join('')}</row>`;
}

export function sheetHead(dimension?: string): string {
  const dim = dimension ? `<dimension ref="${dimension}"/>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dim}<sheetData>${row(1, HEADER)}`;
}
const SHEET_TAIL = '</sheetData></worksheet>';

/** A package around the given worksheet part. */
export function packageWith(sheet: ZipPart): Buffer {
  return zip([
    deflatePart('[Content_Types].xml', CONTENT_TYPES),
    deflatePart('_rels/.rels', ROOT_RELS),
    deflatePart('xl/workbook.xml', WORKBOOK),
    deflatePart('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    sheet,
  ]);
}

/** A harmless sheet of `tasks` rows in the plan's layout, through the same writer. */
export function plainSheet(tasks: readonly (readonly string[])[], dimension = true): Buffer {
  const last = tasks.length + 1;
  const body = tasks.map((t, i) => row(i + 2, t)).join('');
  return packageWith(
    deflatePart(SHEET_PART, `${sheetHead(dimension ? `A1:F${last}` : undefined)}${body}${SHEET_TAIL}`),
  );
}

/** ~300 MB of sheet XML (whitespace inside sheetData) deflated to ~300 KB; `forged` declares 2 KB. */
export async function bombSheet(options: { megabytes?: number; forged?: boolean } = {}): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const part = await deflateRepeated(SHEET_PART, sheetHead('A1:F1'), chunk, options.megabytes ?? 300, SHEET_TAIL);
  return packageWith(options.forged ? { ...part, declaredSize: 2048 } : part);
}

/** One task cell at row 400,000 (the probe's 4 KB file); with or without a declared dimension. */
export function farRowSheet(dimension = true): Buffer {
  const r = 400_000;
  const xml = `${sheetHead(dimension ? `A1:F${r}` : undefined)}${row(r, ['A-1'])}${SHEET_TAIL}`;
  return packageWith(deflatePart(SHEET_PART, xml));
}

/** A blank cell on Excel's last row, 1,048,576 (the probe's 3.9 KB file). */
export function lastRowSheet(dimension = true): Buffer {
  const r = 1_048_576;
  const xml = `${sheetHead(dimension ? `A1:F${r}` : undefined)}<row r="${r}"><c r="A${r}"/></row>${SHEET_TAIL}`;
  return packageWith(deflatePart(SHEET_PART, xml));
}

/** `count` rows of six numbers: 30,000 make a file about the size of the probe's 597 KB one. */
export function manyRowsSheet(count = 30_000, dimension = true): Buffer {
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = i + 2;
    rows.push(`<row r="${r}">${[...'ABCDEF'].map((c, j) => `<c r="${c}${r}"><v>${j}</v></c>`).join('')}</row>`);
  }
  const xml = `${sheetHead(dimension ? `A1:F${count + 1}` : undefined)}${rows.join('')}${SHEET_TAIL}`;
  return packageWith(deflatePart(SHEET_PART, xml));
}

/** Not a zip: a CSV saved with the wrong extension. */
export function notZip(): Buffer {
  return Buffer.from('序号,领域,任务清单,牵头单位,配合单位,时间\nA-1,保障措施,制定宣传方案,无废办,/,2023\n', 'utf8');
}
