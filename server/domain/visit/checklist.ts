// The residential fire-hazard checklist 居民住房消防安全排查表 (seed 001 附件6) as data, and the rules for a filled form.
import type { VisitAnswerInput } from '../../../typings/visit';
import type { ChecklistItem, ChecklistTemplateRecord } from './records';
import { MAX_PHOTOS, type Problem } from './problem';

export const DEFAULT_TEMPLATE_ID = 'residential-default';
export const WINTER_TEMPLATE_ID = 'residential-winter';

const CHECKS = '隐患排查';
const SAN_QING_SAN_GUAN = '三清三关';
const STOVE_AND_ALARM = '炉灶与烟感';
const OTHER = '其他';

// "检查居民家中电气线路、燃气、杂物堆放、取暖、熏制腊肉、电动车充电等情况" (001); 三清三关 (001); 柴火灶 (000); 烟感 (000/004)
const RESIDENTIAL_ITEMS: ChecklistItem[] = [
  { key: 'electricalWiring', label: '电气线路（私拉乱接、老化破损、未穿管保护）', group: CHECKS },
  { key: 'gas', label: '燃气（灶具阀门、管线、液化气钢瓶）', group: CHECKS },
  { key: 'clutter', label: '杂物堆放（可燃杂物、柴草）', group: CHECKS },
  { key: 'heating', label: '取暖（烤火炉、电热毯、木炭取暖）', group: CHECKS },
  { key: 'curedMeat', label: '熏制腊肉（远离可燃物、有人看守）', group: CHECKS },
  { key: 'ebikeCharging', label: '电动车充电（不在室内、走廊、通道停放充电）', group: CHECKS },
  { key: 'passageClear', label: '通道清', group: SAN_QING_SAN_GUAN },
  { key: 'balconyClear', label: '阳台清', group: SAN_QING_SAN_GUAN },
  { key: 'kitchenClear', label: '厨房清', group: SAN_QING_SAN_GUAN },
  { key: 'powerOff', label: '关电源', group: SAN_QING_SAN_GUAN },
  { key: 'gasOff', label: '关气源', group: SAN_QING_SAN_GUAN },
  { key: 'doorsWindowsClosed', label: '关门窗', group: SAN_QING_SAN_GUAN },
  { key: 'stove', label: '柴火灶/炉灶（排烟、油污、柴火与灶台保持距离）', group: STOVE_AND_ALARM },
  { key: 'smokeAlarmInstalled', label: '烟感报警器已安装', group: STOVE_AND_ALARM },
  { key: 'smokeAlarmTested', label: '烟感报警器测试有效', group: STOVE_AND_ALARM },
];

const OTHER_ITEM: ChecklistItem = { key: 'other', label: '其他隐患', group: OTHER };

// 告知书 九–十二 (charcoal, gas water heaters) and 003 (八) "元旦、春节、元宵节…祭祀祈福…烟花爆竹"
const WINTER_ITEMS: ChecklistItem[] = [
  { key: 'charcoalVentilation', label: '木炭取暖远离床铺窗帘、保持通风', group: CHECKS },
  { key: 'gasWaterHeater', label: '燃气热水器（不装在浴室内、烟道规范、通风）', group: CHECKS },
  { key: 'fireworks', label: '烟花爆竹（存放与燃放安全）', group: CHECKS },
  { key: 'ritualFire', label: '祭祀祈福用火（有人看守、远离可燃物）', group: CHECKS },
];

export const BUILT_IN_TEMPLATES: ChecklistTemplateRecord[] = [
  { _id: DEFAULT_TEMPLATE_ID, name: '居民住房消防安全排查表', items: [...RESIDENTIAL_ITEMS, OTHER_ITEM] },
  { _id: WINTER_TEMPLATE_ID, name: '居民住房消防安全排查表（冬春版）', items: [...RESIDENTIAL_ITEMS, ...WINTER_ITEMS, OTHER_ITEM] },
];

/** One answer as the visit form sends it (typings/visit.ts). */
export type AnswerInput = VisitAnswerInput;

/**
 * "填写好居民住房消防安全排查表（附件6），限期整改到位": only items of the template, at most 9 photos each, and a hazard's
 * rectification deadline not before today (CST). Items left unanswered were not checked on this visit.
 */
export function checkAnswers(template: ChecklistTemplateRecord, answers: readonly AnswerInput[], today: string): Problem | null {
  const known = new Map(template.items.map((i) => [i.key, i]));
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i];
    if (!known.has(a.key)) {
      return {
        code: 'CHECKLIST_ITEM_UNKNOWN',
        message: `检查项“${a.key}”不在“${template.name}”中，请刷新排查表后重新填写`,
        field: `answers.${i}.key`,
      };
    }
    if ((a.photos?.length ?? 0) > MAX_PHOTOS) {
      return { code: 'TOO_MANY_PHOTOS', message: `“${known.get(a.key)!.label}”最多上传${MAX_PHOTOS}张照片`, field: `answers.${i}.photos` };
    }
    if (a.answer === 'hazard' && a.deadline && a.deadline < today) {
      return {
        code: 'DEADLINE_IN_PAST',
        message: `“${known.get(a.key)!.label}”的整改期限不能早于今天（${today}）`,
        field: `answers.${i}.deadline`,
      };
    }
  }
  return null;
}

export function itemLabel(template: ChecklistTemplateRecord, key: string): string {
  return template.items.find((i) => i.key === key)?.label ?? key;
}

/** The short category of a hazard: the item's label before its explanation in brackets. */
export function hazardCategory(template: ChecklistTemplateRecord, key: string): string {
  return itemLabel(template, key).replace(/（.*）$/, '');
}
