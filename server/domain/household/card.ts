// The knock-action card 明白卡, as the phone shows it and the print sheet prints it. Seed 001 names 附件2 but does not
// include its text, so the card is composed from the plan's own rules (§三、§五) and 附件1; nothing here is presented as
// the attachment's wording.
import { SELF_CHECK_ITEMS } from './selfCheck';

export const CARD_TITLE = '“敲门行动”明白卡';

/** Short reminders taken from 告知书 items 二、四、五、八 and the plan's 三清三关. */
export const CARD_KEY_RULES: readonly string[] = [
  '人走电断，严禁电动车在室内、走廊、疏散通道停放和充电',
  '人走火灭，炭渣、柴草灰不要随意乱倒',
  '熏烤腊肉要有人看守，人离开时完全熄灭火源',
  '火柴、打火机放在孩子拿不到的地方',
  '发生火灾及时拨打119，迅速有序逃生，不可贪恋财物',
];

const labels = (group: string) =>
  SELF_CHECK_ITEMS.filter((i) => i.group === group)
    .map((i) => i.label)
    .join('、');

/** "三清：通道清、阳台清、厨房清" and "三关：关电源、关气源、关门窗" */
export const CARD_SAN_QING = `三清：${labels('三清')}`;
export const CARD_SAN_GUAN = `三关：${labels('三关')}`;
