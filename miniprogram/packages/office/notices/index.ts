// The township notices 通报: where each period stands (统计中 until the close), drafts to review — each line with its
// households, standing and proof of presence — exempting a visitor with a reason, publishing; published notices with
// their corrections (SPEC §4).
import type { NoticeDetail, NoticeRow, StageRow } from '../services/notices';
import { exemptFromNotice, listNotices, openNotice, publishNotice, REASON_MIN } from '../services/notices';
import { failureText, showDone } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { mapOk } from '../../../behaviors/loadState';

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    rows: [] as NoticeRow[],
    stages: [] as StageRow[],
    openId: '',
    detail: null as NoticeDetail | null,
    detailError: '',
    detailLoading: false,
    exemptFor: '',
    reason: '',
    actionError: '',
    busy: false,
  },

  methods: {
    async fetchPage(page: number) {
      return mapOk(await listNotices(page), (d) => ({ ...d, openId: '', detail: null }));
    },

    async onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (this.data.openId === id) {
        this.setData({ openId: '', detail: null, detailError: '' });
        return;
      }
      this.setData({ openId: id, detail: null, detailError: '', detailLoading: true, exemptFor: '', reason: '', actionError: '' });
      const res = await openNotice(id);
      if (this.data.openId !== id) return;
      if (!res.ok) this.setData({ detailLoading: false, detailError: failureText(res) });
      else this.setData({ detailLoading: false, detail: res.data });
    },

    onExemptStart(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      this.setData({ exemptFor: e.currentTarget.dataset.id, reason: '', actionError: '' });
    },

    onExemptCancel() {
      this.setData({ exemptFor: '', reason: '', actionError: '' });
    },

    onReason(e: WechatMiniprogram.Input) {
      this.setData({ reason: e.detail.value });
    },

    async onExemptConfirm() {
      const { detail, exemptFor, reason } = this.data;
      if (!detail || !exemptFor) return;
      if (reason.trim().length < REASON_MIN) {
        this.setData({ actionError: `请填写豁免理由（至少${REASON_MIN}个字）` });
        return;
      }
      this.setData({ busy: true, actionError: '' });
      const res = await exemptFromNotice(detail, exemptFor, reason.trim());
      this.setData({ busy: false });
      if (!res.ok) {
        this.setData({ actionError: failureText(res) });
        return;
      }
      showDone(detail.draft ? '已豁免，已移出草稿' : '已豁免，通报已附更正');
      const again = await openNotice(detail.id);
      this.setData({ exemptFor: '', reason: '', detail: again.ok ? again.data : detail });
    },

    onPublish() {
      const detail = this.data.detail;
      if (!detail || !detail.draft) return;
      wx.showModal({
        title: '发布通报',
        content: `发布前将按最新走访记录重新核算；发布后全镇干部可见，通报内容不能修改，只能附更正。确定发布？`,
        confirmText: '发布',
        success: async (r) => {
          if (!r.confirm) return;
          this.setData({ busy: true, actionError: '' });
          const res = await publishNotice(detail.id);
          this.setData({ busy: false });
          if (!res.ok) {
            this.setData({ actionError: failureText(res) });
            return;
          }
          showDone('通报已发布');
          this.setData({
            detail: res.data,
            rows: this.data.rows.map((row) =>
              row.id === detail.id ? { ...row, draft: false, overdue: false, when: '刚刚发布', count: res.data.lines.length } : row,
            ),
          });
        },
      });
    },
  },
});
