// Seed 001 附件7《社区独居老人统计表》: the seed gives only the title; the columns are the ones a village fills for
// its 孤寡/独居 elderly during the knock campaign — the registry entries, and households flagged 独居 not yet registered.
import type { TableLayout } from './layout';

export const ELDERLY_TABLE_001: TableLayout = {
  sheetName: '社区独居老人统计表',
  title: '社区独居老人统计表',
  header: [
    { header: '序号', width: 6 },
    { header: '村（社区）', width: 12 },
    { header: '姓名', width: 10 },
    { header: '性别', width: 6 },
    { header: '年龄', width: 6 },
    { header: '居住地址', width: 22 },
    { header: '联系电话', width: 14 },
    { header: '帮扶人', width: 10 },
    { header: '帮扶人联系电话', width: 14 },
    { header: '是否安装烟感报警器', width: 10 },
    { header: '备注', width: 20 },
  ],
};
