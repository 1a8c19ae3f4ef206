// Home: one org.me call decides what to show — the join form (with how to get an invitation; the phone's identifier
// only behind 我是工作人员), or the person's role tiles, the visits awaiting their confirmation, and the shortcuts.
import type { PendingVisitRow, RoleTile } from '../../services/org/loadHome';
import { loadHome } from '../../services/org/loadHome';
import { inviteCodeFromScene } from '../../services/org/acceptInvite';
import { failureText, showDone, showFailure } from '../../services/feedback';
import { confirmVisit } from '../../services/visits';
import { isLocalMode, localModeAllowed, localOpenid } from '../../services/localMode';
import { setLargeText } from '../../ui/largeText';
import { largeTextBehavior } from '../../behaviors/largeText';
import { LOCAL_API } from '../../config/env';
import { shortcutsFor, type Shortcut } from '../../config/roles';

type HomeState = 'loading' | 'error' | 'join' | 'member';

Component({
  behaviors: [largeTextBehavior],
  data: {
    state: 'loading' as HomeState,
    errorText: '',
    name: '',
    township: '',
    tiles: [] as RoleTile[],
    shortcuts: shortcutsFor([]) as Shortcut[],
    inviteCode: '',
    openid: '',
    /** 我是工作人员 was tapped: show the phone's identifier for the bootstrap */
    showStaff: false,
    pendingVisits: [] as PendingVisitRow[],
    confirmingId: '',
    devBanner: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ inviteCode: inviteCodeFromScene(query.scene) || query.code || '' });
      this.load();
    },

    onShow() {
      this.setData({ devBanner: devBanner() });
    },

    async load() {
      this.setData({ state: 'loading', errorText: '' });
      const res = await loadHome();
      if (!res.ok) {
        this.setData({ state: 'error', errorText: failureText(res) });
        return;
      }
      const view = res.data;
      if (!view.bound) {
        this.setData({
          state: 'join',
          openid: view.openid,
          name: '',
          township: '',
          tiles: [],
          pendingVisits: [],
          shortcuts: shortcutsFor([]),
        });
        return;
      }
      this.setData({
        state: 'member',
        name: view.name,
        township: view.township,
        tiles: view.tiles,
        pendingVisits: view.pendingVisits,
        shortcuts: shortcutsFor(view.tiles.map((t) => t.role)),
      });
    },

    onRetry() {
      this.load();
    },

    onJoined() {
      this.setData({ inviteCode: '' });
      this.load();
    },

    onTileTap(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { path: string; label: string }>) {
      const { path, label } = e.currentTarget.dataset;
      if (path) {
        wx.navigateTo({ url: path });
        return;
      }
      wx.showToast({ title: `${label}功能即将开放`, icon: 'none', duration: 2000 });
    },

    onToggleLargeText(e: WechatMiniprogram.SwitchChange) {
      setLargeText(e.detail.value);
      this.setData({ largeText: e.detail.value });
    },

    onStaff() {
      this.setData({ showStaff: !this.data.showStaff });
    },

    /** 确认来过: the two-party visit proof, from the home page; the prompt goes once confirmed. */
    async onConfirmVisit(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (this.data.confirmingId) return;
      this.setData({ confirmingId: id });
      const res = await confirmVisit(id);
      this.setData({ confirmingId: '' });
      if (!res.ok) {
        showFailure(res);
        return;
      }
      this.setData({ pendingVisits: this.data.pendingVisits.filter((v) => v.id !== id) });
      showDone('已确认，谢谢');
    },

    onCopyOpenid() {
      wx.setClipboardData({ data: this.data.openid });
    },

    onOpenDevIdentity() {
      wx.navigateTo({ url: '/pages/dev-identity/index' });
    },
  },
});

/** Develop builds say which backend and identity they use, and lead to the switcher; other builds show nothing. */
function devBanner(): string {
  if (!localModeAllowed()) return '';
  if (!isLocalMode()) return '开发版 · 云开发环境 · 点此切换演示身份（本地后端）';
  const who = localOpenid() ?? '匿名（未加入）';
  return `开发版 · 本地后端 ${LOCAL_API.host}:${LOCAL_API.port} · 身份 ${who} · 点此切换演示身份`;
}
