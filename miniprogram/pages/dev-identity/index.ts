// Develop builds only: act as any demo identity of `npm start`'s township, or as an anonymous newcomer.
import { DEMO_IDENTITIES } from '../../config/demoIdentities';
import { localApiUrl } from '../../config/env';
import { isLocalMode, localModeAllowed, localOpenid, setLocalMode, setLocalOpenid } from '../../services/localMode';
import { largeTextBehavior } from '../../behaviors/largeText';

interface IdentityRow {
  key: string;
  openid: string;
  name: string;
  roleLabel: string;
  note: string;
}

const ANONYMOUS_KEY = 'anonymous';

const ROWS: IdentityRow[] = [
  { key: ANONYMOUS_KEY, openid: '', name: '匿名访客', roleLabel: '未加入任何网格', note: '用于试用邀请码加入' },
  ...DEMO_IDENTITIES.map((d) => ({ key: d.openid, openid: d.openid, name: d.name, roleLabel: d.roleLabel, note: d.note })),
];

Component({
  behaviors: [largeTextBehavior],
  data: {
    allowed: false,
    localMode: false,
    apiAddress: localApiUrl(''),
    identities: [] as IdentityRow[],
    current: '',
  },

  methods: {
    onLoad() {
      const allowed = localModeAllowed();
      this.setData({
        allowed,
        localMode: allowed && isLocalMode(),
        identities: allowed ? ROWS : [],
        current: localOpenid() ?? ANONYMOUS_KEY,
      });
    },

    onToggleLocalMode(e: WechatMiniprogram.SwitchChange) {
      setLocalMode(e.detail.value);
      this.setData({ localMode: e.detail.value });
    },

    onChoose(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      const key = e.currentTarget.dataset.key;
      const row = ROWS.find((r) => r.key === key);
      if (!row) return;
      setLocalOpenid(row.openid || null);
      if (!this.data.localMode) {
        setLocalMode(true);
        this.setData({ localMode: true });
      }
      this.setData({ current: key });
      wx.showToast({ title: `已切换为${row.name}`, icon: 'none', duration: 1500 });
      wx.reLaunch({ url: '/pages/home/index' });
    },
  },
});
