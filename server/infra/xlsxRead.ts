// Reads the first worksheet of an uploaded .xlsx as text cells (exceljs), for imports: row 1 is the header.
import ExcelJS from 'exceljs';
import { getCloud } from './cloud';
import { AppError } from './errors';

export interface SheetText {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/** The file's bytes from storage; a missing file is NOT_FOUND for the user to fix, never INTERNAL. */
export async function downloadUpload(fileID: string): Promise<Buffer> {
  try {
    return ((await getCloud().downloadFile({ fileID })) as { fileContent: Buffer }).fileContent;
  } catch {
    throw new AppError('NOT_FOUND', '文件不存在或已失效，请重新选择文件上传', 'fileId');
  }
}

export async function readFirstSheet(file: Buffer, columns: number): Promise<SheetText> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError('INVALID_INPUT', '文件不是有效的 .xlsx 表格，请用模板填写后另存为 .xlsx', 'fileId');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('INVALID_INPUT', '表格中没有工作表', 'fileId');
  const textOf = (row: ExcelJS.Row) => Array.from({ length: columns }, (_, i) => row.getCell(i + 1).text.trim());
  const rows: SheetText['rows'] = [];
  for (let r = 2; r <= ws.rowCount; r++) rows.push({ row: r, cells: textOf(ws.getRow(r)) });
  return { header: textOf(ws.getRow(1)), rows };
}
