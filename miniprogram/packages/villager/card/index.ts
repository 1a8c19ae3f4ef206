// The knock-action card 明白卡: who visits me, my grid leader, 119, 三清三关, the key rules, and the household's QR that a
// visitor scans at the door. The card's text is the server's (server/domain/household/card.ts), the same the print
// sheets print.
import type { ContactPersonView } from '../../../../typings/household';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, okView } from '../../../behaviors/loadState';
import { loadMyHousehold, SELF_CHECK_ITEMS } from '../services/household';

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
    rules: [] as string[],
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
        // the key rules come with the card, as the print sheets print them (server/domain/household/card.ts)
        rules: v.card?.rules ?? [],
      });
    },

    onCall(e: WechatMiniprogram.TouchEvent) {
      const number = String(e.currentTarget.dataset.number ?? '');
      if (number) wx.makePhoneCall({ phoneNumber: number, fail: () => undefined });
    },
  },
});
