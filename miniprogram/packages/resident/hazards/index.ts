// 隐患: the home page's one hazard entry. Everything about fire hazards a villager may do, in one list of big rows —
// report one (随手拍), follow my reports, my household's hazards and their rectification, the anonymous whistle-blower
// form and its receipt lookup — each shown to those it is for. The home page passes the caller's roles (`roles=a,b`); the
// pages behind the rows check them again. Nothing to load: no call.
import type { Role } from '../../../../typings/roles';
import { largeTextBehavior } from '../../../behaviors/largeText';

interface Entry {
  key: string;
  label: string;
  note: string;
  path: string;
  /** who sees it; 'everyone' includes people not yet bound to a household */
  roles: Role[] | 'everyone';
}

const ENTRIES: Entry[] = [
  {
    key: 'report',
    label: '随手拍：上报隐患',
    note: '拍照上报家里或村里的火灾隐患',
    path: '/packages/resident/report/index',
    roles: ['villager', 'gridLeader'],
  },
  {
    key: 'mine',
    label: '我上报的隐患',
    note: '看看处理到哪一步了',
    path: '/packages/resident/mine/index',
    roles: ['villager', 'gridLeader'],
  },
  {
    key: 'household',
    label: '我家的隐患与整改',
    note: '走访人查出的隐患，整改好了拍照告诉他',
    path: '/packages/villager/hazards/index',
    roles: ['villager'],
  },
  {
    key: 'whistle',
    label: '匿名举报（吹哨人）',
    note: '不留姓名，举报身边的火灾隐患',
    path: '/packages/resident/whistle/index',
    roles: 'everyone',
  },
  {
    key: 'status',
    label: '凭回执码查询举报进度',
    note: '匿名举报后拿到的回执码',
    path: '/packages/resident/status/index',
    roles: 'everyone',
  },
];

/** Rows for these roles; none given (opened from a link) shows every row. */
function entriesFor(roles: string[] | null): Omit<Entry, 'roles'>[] {
  return ENTRIES.filter((e) => !roles || e.roles === 'everyone' || e.roles.some((r) => roles.includes(r))).map(({ roles: _r, ...e }) => e);
}

Component({
  behaviors: [largeTextBehavior],
  data: {
    entries: [] as Omit<Entry, 'roles'>[],
    /** an unbound phone: how to get the rest */
    joinHint: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const roles = query.roles === undefined ? null : decodeURIComponent(query.roles).split(',').filter(Boolean);
      this.setData({ entries: entriesFor(roles), joinHint: !!roles && !roles.length });
    },

    onEntry(e: WechatMiniprogram.TouchEvent) {
      wx.navigateTo({ url: String(e.currentTarget.dataset.path) });
    },

    onCall119() {
      wx.makePhoneCall({ phoneNumber: '119', fail: () => undefined });
    },
  },
});
