// My household and micro-grid: members, the grid leader and my visitor with call buttons, 119, and the villager's pages.
import type { ContactPersonView, MyHouseholdView } from '../../../../typings/household';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, okView } from '../../../behaviors/loadState';
import { loadMyHousehold } from '../services/household';
import { cstDateTime } from '../../../ui/cstFormat';

const LINKS = [
  { key: 'card', label: '“敲门行动”明白卡', path: '/packages/villager/card/index' },
  { key: 'notice', label: '消防安全告知书', path: '/packages/villager/notice/index' },
  { key: 'selfcheck', label: '“三清三关”自查', path: '/packages/villager/selfcheck/index' },
  { key: 'visits', label: '走访记录（确认走访人来过）', path: '/packages/villager/visits/index' },
  { key: 'hazards', label: '我家的隐患与整改', path: '/packages/villager/hazards/index' },
  { key: 'inbox', label: '消息提醒', path: '/pages/inbox/index' },
];

Component({
  behaviors: [largeTextBehavior, loadStateBehavior],
  data: {
    household: null as MyHouseholdView['household'] | null,
    members: [] as MyHouseholdView['members'],
    leaders: [] as ContactPersonView[],
    visitors: [] as ContactPersonView[],
    noticeText: '',
    selfCheckText: '',
    links: LINKS,
  },

  methods: {
    async fetchView() {
      const res = await loadMyHousehold();
      if (!res.ok) return res;
      const v = res.data;
      const check = v.selfCheckToday;
      return okView({
        household: v.household,
        members: v.members,
        leaders: v.grid.leaders,
        visitors: v.visitors,
        noticeText: v.notice.acknowledgedAt ? `已于${cstDateTime(v.notice.acknowledgedAt)}签收` : '尚未签收，请阅读后确认',
        selfCheckText: check ? (check.open.length ? `今日已自查，${check.open.length}项未做到` : '今日已自查，全部做到') : '今日尚未自查',
      });
    },

    onCall(e: WechatMiniprogram.TouchEvent) {
      const number = String(e.currentTarget.dataset.number ?? '');
      if (number) wx.makePhoneCall({ phoneNumber: number, fail: () => undefined });
    },

    onLink(e: WechatMiniprogram.TouchEvent) {
      wx.navigateTo({ url: String(e.currentTarget.dataset.path) });
    },
  },
});
