// The fire-safety notice 消防安全告知书 (seed 001 附件1) a villager reads and signs electronically.
import type { NoticeView } from '../../../typings/household';

/** Changing a word of the items means a new version: earlier signatures stay, but on the old text. */
export const NOTICE_VERSION = 'seed001-a1-2024-11-18';
export const NOTICE_TITLE = '消防安全告知书';
export const NOTICE_SOURCE = '溆浦县三江镇人民政府（2024年11月18日）';

/** Seed 001 附件1, its 13 items word for word (the source's own typos kept; only a Word bookmark marker dropped). */
export const NOTICE_ITEMS: readonly string[] = [
  '一、规范安装电气线路并定期检查，及时更换绝缘层破损老化的线路，严禁私拉乱接。',
  '二、正确使用电器设备，避免长时间通电，做到“人走电断”严禁将电动车在室内、走廊、疏散通道停放和充电。',
  '三、经常检查燃气灶具的阀门和管线，及时更换老化管线，液化气钢瓶要防止碰撞、硬物敲击，不得接近火源、热源，钢瓶不能倾倒或倒置使用。',
  '四、把火柴、打火机放在孩子不易拿到的地方，禁止防止玩火。提醒家中老人在生火做饭时不要远离炉灶，做到“人走火灭”炭渣、柴草灰不要随意乱倒，防止死灰复燃引发火灾。',
  '五、熏烤腊肉应选择在空旷的地方，要清理周边可燃易燃物品，备好灭火器材和水源，腊肉应采用铁丝等不易材料悬挂，熏烤时要有人看守，人离开时要完全熄灭火源并安全处理灰烬。',
  '六、做到“三清三关”“三清”即“通道清、阳台清、厨房清”“三关”即“关电源、关煤气、关门窗”。',
  '七、“多合一”场所要进行有效防火分隔，设置独立的逃生通道，配备必要的逃生灭火器材，安装独立烟感报警器等，严禁违规住人。',
  '八、发生火灾，请及时拨打119报警，迅速有序逃生，不可贪恋财物。',
  '九、使用木炭取暖应远离床铺、窗帘等可燃物，并保持门窗通风，避免一氧化碳中毒。',
  '十、不要将燃气热水器、液化气瓶安装安放在浴室内，尽量使用强排式燃气热水器（有马达将废气强行排放到室外）。',
  '十一、燃气热水器的排气烟道安装要规范标准，使用时要关好临近烟道的门窗，防止因风向变化导致一氧化碳从门窗逆排室内。',
  '十二、使用燃气热水器要保持空气流通，洗浴时间不要长。',
  '十三、使用燃气时要先打开排气扇或抽油烟机，保持室内通风。',
];

export function noticeView(acknowledgedAt: Date | null): NoticeView {
  return {
    version: NOTICE_VERSION,
    title: NOTICE_TITLE,
    source: NOTICE_SOURCE,
    items: [...NOTICE_ITEMS],
    acknowledgedAt: acknowledgedAt ? new Date(acknowledgedAt).toISOString() : null,
  };
}

/** One signature per person and version: a repeated tap or a retried request finds it and changes nothing. */
export function acknowledgementId(personId: string, version: string): string {
  return `ack:${version}:${personId}`;
}

export interface AcknowledgementRecord {
  _id: string;
  townshipId: string;
  householdId: string;
  personId: string;
  version: string;
  acknowledgedAt: Date;
  createdAt: Date;
}
