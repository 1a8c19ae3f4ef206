// Seed 000 附件《独居老人及居住场所消防安全相关情况统计表》: its header exactly as in the seed (group headers over
// sub-columns), "填报单位：填报人：联系电话：填报时间：" above and the seed's notes below.
import type { ElderlyRecord } from '../programme/records';
import type { ElderlyCounts } from '../programme/views';
import { HELPER_TYPE_LABELS } from '../programme/rules';
import { chineseDay, yesNo, type TableLayout } from './layout';

export const ELDERLY_TABLE_000: TableLayout = {
  sheetName: '独居老人统计表',
  title: '独居老人及居住场所消防安全相关情况统计表',
  header: [
    { header: '序号', width: 6 },
    { header: '科室', width: 12 },
    {
      group: '独居老人基本信息',
      columns: [
        { header: '独居老人姓名', width: 10 },
        { header: '性别', width: 6 },
        { header: '年龄', width: 6 },
        { header: '联系电话', width: 14 },
      ],
    },
    { header: '是否有吸烟抽烟情形', width: 10 },
    { header: '是否有饮酒情形', width: 10 },
    {
      group: '居住场所情况',
      columns: [
        { header: '居住地址', width: 20 },
        { header: '居住建筑性质', width: 12 },
        { header: '居住建筑层数', width: 8 },
        { header: '居住建筑建成年代', width: 10 },
      ],
    },
    {
      group: '隐患问题情况',
      columns: [
        { header: '发现隐患（处）', width: 8 },
        { header: '整改隐患（处）', width: 8 },
      ],
    },
    {
      group: '村（社区）干部、网格员、志愿者“一对一”帮扶人员',
      columns: [
        { header: '姓名', width: 10 },
        { header: '人员类型（村（社区）干部/网格员/志愿者/其他）', width: 16 },
        { header: '联系电话', width: 14 },
      ],
    },
    {
      group: '物联感知体系建设情况',
      columns: [
        { header: '是否安装联网型独立式感烟探测器', width: 10 },
        { header: '是否安装一键报警器或视频监控', width: 10 },
        { header: '是否安装三级漏电保护装置', width: 10 },
        { header: '是否安装燃气泄漏自动断阀装置', width: 10 },
        { header: '其他设施', width: 10 },
      ],
    },
    { header: '开展宣传提示情况（次）', width: 10 },
  ],
};

/** "填报单位：                    填报人：                 联系电话：                    填报时间：" */
export function fillingLine(unit: string, filler: string, phone: string, day: string): string {
  return `填报单位：${unit}        填报人：${filler}        联系电话：${phone}        填报时间：${chineseDay(day)}`;
}

export const ELDERLY_TABLE_000_NOTES = [
  '备注：  1.此表由各相关科室填写；',
  '2. 从6月起，于每月最后一个工作日12：00前经主要领导签字盖章后扫描件及电子档传邮箱。',
];

/** One data row; 科室 is the village (community) that keeps the entry. */
export function elderlyTableRow(n: number, e: ElderlyRecord, villageName: string, c: ElderlyCounts): (string | number)[] {
  return [
    n,
    villageName,
    e.name,
    e.gender === 'male' ? '男' : '女',
    e.age,
    e.phone ?? '',
    yesNo(e.smoking),
    yesNo(e.drinking),
    e.address,
    e.buildingType,
    e.floors,
    e.yearBuilt,
    c.hazardsFound,
    c.hazardsRectified,
    e.helper.name,
    HELPER_TYPE_LABELS[e.helper.type],
    e.helper.phone,
    yesNo(e.devices.smokeDetector),
    yesNo(e.devices.alarmOrVideo),
    yesNo(e.devices.leakageProtection),
    yesNo(e.devices.gasShutoff),
    e.devices.other,
    c.timesEducated,
  ];
}
