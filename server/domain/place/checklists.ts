// Place checklists as data (SPEC §7b). Seed 001 names 附件4 (办公场所) and 附件5 (生产经营性场所) without their items, so
// each template's items follow recognised national fire-inspection texts, named in the template's `source`.
import type { PlaceType } from '../../../typings/place';
import type { ChecklistItem, ChecklistTemplateRecord } from '../visit/records';

export interface PlaceChecklistTemplate extends ChecklistTemplateRecord {
  source: string;
  placeTypes: readonly PlaceType[];
}

const item = (key: string, label: string, group: string): ChecklistItem => ({ key, label, group });

const USE = '用火用电';
const ESCAPE = '安全疏散';
const EQUIPMENT = '消防设施器材';
const MANAGEMENT = '消防安全管理';
const OTHER = item('other', '其他隐患', '其他');

// 公安部令第61号 第二十六条 (防火检查的内容) — shared by every template where it applies
const electricalUse = item('electricalUse', '用电：私拉乱接、超负荷、线路老化、人走未断电', USE);
const fireUse = item('fireUse', '用火用气：燃气管线阀门、液化气钢瓶、明火作业', USE);
const exitsClear = item('exitsClear', '安全出口、疏散通道畅通，未锁闭、未堵塞', ESCAPE);
const signsLighting = item('signsLighting', '疏散指示标志、应急照明完好有效', ESCAPE);
const extinguishers = item('extinguishers', '灭火器配置在位、压力正常、在有效期内', EQUIPMENT);
const hydrants = item('hydrants', '室内消火栓、自动消防设施完好有效（有则查）', EQUIPMENT);
const fireDoors = item('fireDoors', '常闭式防火门处于关闭状态、闭门器完好', ESCAPE);
const ebike = item('ebike', '电动自行车未在室内、楼道、疏散通道停放充电', USE);
const training = item('training', '消防安全制度、员工培训、灭火和应急疏散预案', MANAGEMENT);
const windowsBars = item('windowsBars', '外窗未设置影响逃生和灭火救援的防盗网、广告牌', ESCAPE);
const decoration = item('decoration', '未使用易燃可燃材料装修装饰', MANAGEMENT);
const smokeAlarm = item('smokeAlarm', '独立式感烟火灾探测报警器安装并测试有效', EQUIPMENT);
const noLiving = item('noLiving', '生产、经营、储存区域内未违规住人', MANAGEMENT);

export const PLACE_TEMPLATES: PlaceChecklistTemplate[] = [
  {
    _id: 'place-office',
    name: '办公场所消防安全隐患排查表（附件4）',
    source: '公安部令第61号《机关、团体、企业、事业单位消防安全管理规定》第二十五、二十六条（防火巡查、防火检查的内容）',
    placeTypes: ['office'],
    items: [
      electricalUse,
      exitsClear,
      signsLighting,
      extinguishers,
      hydrants,
      fireDoors,
      item('keyAreas', '消防安全重点部位（配电房、厨房、档案室）有人管理', MANAGEMENT),
      ebike,
      training,
      OTHER,
    ],
  },
  {
    _id: 'place-business',
    name: '生产经营性场所消防安全隐患排查表（附件5）',
    source:
      '公安部令第61号《机关、团体、企业、事业单位消防安全管理规定》第二十六条；仓储部分依 GA 1131-2014《仓储场所消防安全管理通则》（分类分区存放、主通道、灯具与物品间距）',
    placeTypes: ['shop', 'market', 'workshop'],
    items: [
      electricalUse,
      fireUse,
      exitsClear,
      signsLighting,
      extinguishers,
      hydrants,
      item('storage', '物品储存：分类分区堆放，主通道畅通，与照明灯具保持安全距离', MANAGEMENT),
      noLiving,
      ebike,
      training,
      OTHER,
    ],
  },
  {
    _id: 'place-small',
    name: '九小场所消防安全检查表',
    source:
      '《中华人民共和国消防法》第十六、二十八条与 GB/T 40248-2021《人员密集场所消防安全管理》中适用于小型场所的检查内容（九小场所无单独国家标准）；装修、线路、通道三项见 003 (一)',
    placeTypes: ['smallVenue', 'chessRoom', 'other'],
    items: [electricalUse, fireUse, exitsClear, windowsBars, decoration, extinguishers, smokeAlarm, noLiving, ebike, OTHER],
  },
  {
    _id: 'place-crowded',
    name: '人员密集场所消防安全检查表',
    source: 'GB/T 40248-2021《人员密集场所消防安全管理》（防火巡查检查、安全疏散、消防设施、用火用电管理）；夜间值守见 003 (一)',
    placeTypes: ['elderlyActivity', 'healthCentre', 'careHome', 'school'],
    items: [
      exitsClear,
      signsLighting,
      fireDoors,
      extinguishers,
      hydrants,
      decoration,
      electricalUse,
      fireUse,
      item('nightDuty', '夜间值班值守、防火巡查记录', MANAGEMENT),
      item('drill', '灭火和应急疏散预案及演练（行动不便人员的疏散安排）', MANAGEMENT),
      training,
      OTHER,
    ],
  },
  {
    _id: 'place-mixed',
    name: '三合一/多合一场所及经营性自建房检查表',
    source:
      'GA 703-2007《住宿与生产储存经营合用场所消防安全技术要求》（防火分隔、独立疏散、报警与逃生器材）；分级管控与“超过10人”见 004 §17；告知书第七条',
    placeTypes: ['multiUse', 'selfBuilt'],
    items: [
      item('separation', '住宿与生产、经营、储存部分采用实体墙防火分隔', MANAGEMENT),
      item('independentExit', '住宿部分设置独立的疏散楼梯或安全出口', ESCAPE),
      windowsBars,
      smokeAlarm,
      extinguishers,
      item('escapeTools', '逃生器材：应急照明、逃生绳、过滤式消防自救呼吸器', EQUIPMENT),
      electricalUse,
      ebike,
      item('occupancy', '住宿、工作、培训人数（超过10人纳入重点管控）', MANAGEMENT),
      OTHER,
    ],
  },
];

/** The template for a place of this type (every type has exactly one). */
export function templateFor(type: PlaceType): PlaceChecklistTemplate {
  return PLACE_TEMPLATES.find((t) => t.placeTypes.includes(type))!;
}
