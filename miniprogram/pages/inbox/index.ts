// Everyone's inbox: reminders, notices and cases, 20 a page, newest first; tap to mark read. The subscription button asks
// WeChat for one-time messages (one per tap) and records the credits, so the next reminder also reaches the phone.
import type { InboxItemView } from '../../../typings/visit';
import { callCloud } from '../../services/callCloud';
import { showDone, showFailure } from '../../services/feedback';
import { newIdempotencyKey } from '../../services/outbox';
import { PAGE_SIZE } from '../../config/paging';
import { largeTextBehavior } from '../../behaviors/largeText';
import { pagedListBehavior } from '../../behaviors/pagedList';
import { acceptedKeys, SUBSCRIBE_TEMPLATES } from '../../config/subscribeTemplates';
import { mapOk } from '../../behaviors/loadState';

const KIND_LABELS: Record<InboxItemView['kind'], string> = {
  reminder: '提醒',
  notice: '通报',
  case: '约谈',
  weeklyContact: '每周联络',
  hazard: '隐患',
};
const CST_MS = 8 * 3600_000;

interface Row {
  id: string;
  kindLabel: string;
  title: string;
  body: string;
  when: string;
  unread: boolean;
}

function when(iso: string): string {
  const d = new Date(new Date(iso).getTime() + CST_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

const rowOf = (i: InboxItemView): Row => ({
  id: i.id,
  kindLabel: KIND_LABELS[i.kind] ?? '消息',
  title: i.title,
  body: i.body,
  when: when(i.createdAt),
  unread: !i.readAt,
});

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    rows: [] as Row[],
    unread: 0,
    subscribeText: '',
  },

  methods: {
    async fetchPage(page: number) {
      const res = await callCloud('visit', 'listInbox', { page, pageSize: PAGE_SIZE });
      return mapOk(res, (d) => ({ total: d.total, unread: d.unread, rows: d.items.map(rowOf) }));
    },

    async onRead(e: WechatMiniprogram.TouchEvent) {
      const id = String(e.currentTarget.dataset.id);
      const i = this.data.rows.findIndex((r) => r.id === id);
      if (i < 0 || !this.data.rows[i].unread) return;
      const res = await callCloud('visit', 'markRead', { ids: [id] });
      if (!res.ok) {
        showFailure(res);
        return;
      }
      this.setData({ [`rows[${i}].unread`]: false, unread: res.data.unread });
    },

    async onReadAll() {
      const res = await callCloud('visit', 'markRead', { all: true });
      if (!res.ok) {
        showFailure(res);
        return;
      }
      this.setData({ rows: this.data.rows.map((r) => ({ ...r, unread: false })), unread: res.data.unread });
    },

    onSubscribe() {
      wx.requestSubscribeMessage({
        tmplIds: Object.values(SUBSCRIBE_TEMPLATES),
        success: async (answer) => {
          const templates = acceptedKeys(answer as unknown as Record<string, string>);
          if (!templates.length) {
            this.setData({ subscribeText: '您未允许消息提醒；提醒仍会出现在本页' });
            return;
          }
          const res = await callCloud('visit', 'optInSubscribe', { templates }, { idempotencyKey: newIdempotencyKey() });
          if (!res.ok) {
            showFailure(res);
            return;
          }
          this.setData({ subscribeText: '已开启下一次微信提醒' });
          showDone('已订阅');
        },
        fail: () => this.setData({ subscribeText: '暂时无法开启微信提醒；提醒仍会出现在本页' }),
      });
    },
  },
});
