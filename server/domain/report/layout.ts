// A table layout as data: columns, optionally grouped under a group header (a two-row header with merged cells),
// the title row and the filling line above, and the note below. Pure: the writer turns it into cells and merges.

export interface Column {
  header: string;
  /** character width in the sheet */
  width: number;
}

export interface ColumnGroup {
  group: string;
  columns: Column[];
}

export type HeaderItem = Column | ColumnGroup;

export interface TableLayout {
  sheetName: string;
  title: string;
  header: HeaderItem[];
}

export interface Merge {
  /** 1-based rows and columns */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface HeaderCells {
  /** one or two rows of header texts ('' under a vertically merged cell) */
  rows: string[][];
  merges: Merge[];
  widths: number[];
}

const isGroup = (h: HeaderItem): h is ColumnGroup => 'group' in h;

export function columnCount(layout: TableLayout): number {
  return layout.header.reduce((n, h) => n + (isGroup(h) ? h.columns.length : 1), 0);
}

/** The header rows starting at sheet row `firstRow`: a group spans its sub-columns, a lone column spans both rows. */
export function headerCells(layout: TableLayout, firstRow: number): HeaderCells {
  const twoRows = layout.header.some(isGroup);
  const top: string[] = [];
  const sub: string[] = [];
  const merges: Merge[] = [];
  const widths: number[] = [];
  for (const h of layout.header) {
    const left = top.length + 1;
    if (isGroup(h)) {
      h.columns.forEach((c, i) => {
        top.push(i === 0 ? h.group : '');
        sub.push(c.header);
        widths.push(c.width);
      });
      if (h.columns.length > 1) merges.push({ top: firstRow, left, bottom: firstRow, right: left + h.columns.length - 1 });
    } else {
      top.push(h.header);
      sub.push('');
      widths.push(h.width);
      if (twoRows) merges.push({ top: firstRow, left, bottom: firstRow + 1, right: left });
    }
  }
  return { rows: twoRows ? [top, sub] : [top], merges, widths };
}

/** Excel's A1 name of a 1-based column. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function rangeName(m: Merge): string {
  return `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`;
}

export const yesNo = (b: boolean) => (b ? '是' : '否');

/** `2024-06-30` → `2024年6月30日` */
export function chineseDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
