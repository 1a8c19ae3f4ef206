// Writes a TableLayout as a real .xlsx with exceljs's streaming writer: rows are committed as they come, so a
// 30,000-row table never sits in memory as a workbook (only the compressed file does).
import ExcelJS from 'exceljs';
import { PassThrough } from 'stream';
import { columnCount, headerCells, type TableLayout } from '../domain/report/layout';

export type Cell = string | number;

export interface SheetText {
  /** lines between the title and the header, e.g. "填报单位：…" */
  above: string[];
  /** lines after the data, e.g. the seed's 备注 */
  below: string[];
}

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** One sheet of a workbook: its layout, the lines around the table, and its rows in order. */
export interface SheetSpec {
  layout: TableLayout;
  text: SheetText;
  batches: AsyncIterable<Cell[][]>;
}

/** `batches` yields rows in order; returns the file and how many data rows it holds. */
export async function writeTableXlsx(
  layout: TableLayout,
  text: SheetText,
  batches: AsyncIterable<Cell[][]>,
): Promise<{ file: Buffer; rows: number }> {
  return writeWorkbookXlsx([{ layout, text, batches }]);
}

/** Several sheets in one file (e.g. a case file: summary, standing, visits); `rows` counts the data rows of all. */
export async function writeWorkbookXlsx(sheets: readonly SheetSpec[]): Promise<{ file: Buffer; rows: number }> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  let rows = 0;
  for (const sheet of sheets) rows += await writeSheet(wb, sheet);
  await wb.commit();
  await finished;
  return { file: Buffer.concat(chunks), rows };
}

async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, { layout, text, batches }: SheetSpec): Promise<number> {
  const ws = wb.addWorksheet(layout.sheetName);
  const width = columnCount(layout);
  const header = headerCells(layout, 2 + text.above.length);
  ws.columns = header.widths.map((w) => ({ width: w }));

  let r = 0;
  const fullRow = (value: string, font: Partial<ExcelJS.Font>, align: ExcelJS.Alignment['horizontal']) => {
    r += 1;
    const row = ws.getRow(r);
    row.getCell(1).value = value;
    row.getCell(1).font = font;
    row.getCell(1).alignment = { horizontal: align, vertical: 'middle' };
    ws.mergeCells(r, 1, r, width);
    row.commit();
  };
  fullRow(layout.title, { bold: true, size: 16 }, 'center');
  for (const line of text.above) fullRow(line, { size: 11 }, 'left');
  const headerRows = header.rows.map((texts) => {
    r += 1;
    const row = ws.getRow(r);
    texts.forEach((t, i) => {
      const cell = row.getCell(i + 1);
      cell.value = t;
      cell.font = { bold: true, size: 10 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    });
    return row;
  });
  // a streamed row cannot be touched once committed, so both header rows are merged before either is committed
  for (const m of header.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const row of headerRows) row.commit();

  let rows = 0;
  for await (const batch of batches) {
    for (const values of batch) {
      r += 1;
      rows += 1;
      const row = ws.getRow(r);
      values.forEach((v, i) => {
        const cell = row.getCell(i + 1);
        cell.value = v;
        cell.border = BORDER;
        cell.alignment = { vertical: 'middle', wrapText: typeof v === 'string' && v.length > 12 };
      });
      row.commit();
    }
  }
  for (const line of text.below) fullRow(line, { size: 10 }, 'left');
  ws.commit();
  return rows;
}

/** One batch, for small tables built in memory. */
export async function* once(rows: Cell[][]): AsyncIterable<Cell[][]> {
  yield rows;
}
