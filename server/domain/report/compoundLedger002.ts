// Seed 002 附件1《老旧小区台账》: its seven columns in the seed's order.
import type { CompoundRecord } from '../programme/records';
import { chineseDay, type TableLayout } from './layout';

export function compoundLedgerLayout(townshipName: string): TableLayout {
  return {
    sheetName: '老旧小区台账',
    title: `${townshipName}老旧小区台账`,
    header: [
      { header: '镇街/社区', width: 16 },
      { header: '小区名称', width: 18 },
      { header: '地址', width: 22 },
      { header: '消防安全管理人（楼栋长）及联系方式', width: 24 },
      { header: '建筑高度（层数）', width: 14 },
      { header: '隐患内容', width: 36 },
      { header: '整改时限', width: 14 },
    ],
  };
}

export function compoundLedgerRow(c: CompoundRecord): string[] {
  const height = c.heightMeters !== null ? `${c.heightMeters}米（${c.floors}层）` : `${c.floors}层`;
  return [c.streetCommunity, c.name, c.address, `${c.managerName} ${c.managerPhone}`, height, c.hazards, chineseDay(c.deadline)];
}
