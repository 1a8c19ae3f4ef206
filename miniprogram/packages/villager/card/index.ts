// The knock-action card 明白卡: who visits me, my grid leader, 119, 三清三关, the key rules, and the household's QR that a
// visitor scans at the door. Seed 001 names 附件2 but does not include its text, so the card is composed from the
// plan's own rules (§三、§五) and 附件1; nothing here is presented as the attachment's wording.
import type { ContactPersonView } from '../../../../typings/household';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, okView } from '../../../behaviors/loadState';
import { loadMyHousehold, SELF_CHECK_ITEMS } from '../services/household';

/** Short reminders taken from 告知书 items 二、四、五、八 and the plan's 三清三关. */
const KEY_RULES = [
  '人走电断，严禁电动车在室内、走廊、疏散通道停放和充电',
  '人走火灭，炭渣、柴草灰不要随意乱倒',
  '熏烤腊肉要有人看守，人离开时完全熄灭火源',
  '火柴、打火机放在孩子拿不到的地方',
  '发生火灾及时拨打119，迅速有序逃生，不可贪恋财物',
];

Component({
  behaviors: [largeTextBehavior, loadStateBehavior],
  data: {
    address: '',
    headName: '',
    gridText: '',
    visitors: [] as ContactPersonView[],
    leaders: [] as ContactPersonView[],
    qrFileId: '',
    qrUrl: '',
    qrProblem: '',
    sanQing: SELF_CHECK_ITEMS.slice(0, 3)
      .map((i) => i.label)
      .join('、'),
    sanGuan: SELF_CHECK_ITEMS.slice(3)
      .map((i) => i.label)
      .join('、'),
    rules: KEY_RULES,
  },

  methods: {
    async fetchView() {
      const res = await loadMyHousehold(true);
      if (!res.ok) return res;
      const v = res.data;
      return okView({
        address: v.household.address,
        headName: v.household.headName,
        gridText: `${v.household.villageName} ${v.household.gridName}`,
        visitors: v.visitors,
        leaders: v.grid.leaders,
        qrFileId: v.card?.qrFileId ?? '',
        qrUrl: v.card?.qrUrl ?? '',
        qrProblem: v.card?.qrProblem ?? (v.card?.qrUrl ? '' : '明白卡二维码暂不可用'),
      });
    },

    onCall(e: WechatMiniprogram.TouchEvent) {
      const number = String(e.currentTarget.dataset.number ?? '');
      if (number) wx.makePhoneCall({ phoneNumber: number, fail: () => undefined });
    },
  },
});
