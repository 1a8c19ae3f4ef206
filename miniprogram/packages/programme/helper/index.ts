// 我帮扶的独居老人 (seed 000 "一对一"帮扶): my elderly people, the longest without a contact first, those due (7 days
// without one — the daily reminder names them) marked; call them, and record each contact (上门/电话/微信 and a note),
// which restarts their 7-day clock and marks the reminder done. Without network the contact waits in the outbox.
import type { HelperContactMethod, HelperElderlyRow } from '../../../../typings/programme';
import { failureText, showDone } from '../../../services/feedback';
import { newIdempotencyKey } from '../../../services/outbox';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { mapOk } from '../../../behaviors/loadState';
import { cstShort } from '../../../ui/cstFormat';
import { CONTACT_LABELS, CONTACT_METHODS, loadMyElderly, recordContact } from '../services/helper';

interface Row {
  id: string;
  title: string;
  address: string;
  phone: string;
  due: boolean;
  dueText: string;
  lastText: string;
}

function rowOf(e: HelperElderlyRow): Row {
  return {
    id: e.id,
    title: `${e.name}（${e.gender === 'male' ? '男' : '女'}，${e.age}岁）`,
    address: `${e.villageName} ${e.address}`,
    phone: e.phone ?? '',
    due: e.due,
    dueText: e.due
      ? `已${e.daysSinceContact}天未联系，请尽快上门或打电话`
      : e.daysSinceContact
        ? `${e.daysSinceContact}天前联系过`
        : '今天已联系',
    lastText: e.lastContact
      ? `上次：${CONTACT_LABELS[e.lastContact.method]} · ${cstShort(e.lastContact.at)}${e.lastContact.note ? ` · ${e.lastContact.note}` : ''}`
      : '还没有联系记录',
  };
}

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    rows: [] as Row[],
    dueCount: 0,
    methods: CONTACT_METHODS,
    /** the row whose contact form is open */
    openId: '',
    method: '' as HelperContactMethod | '',
    note: '',
    formError: '',
    submitting: false,
    /** kept across a refused or failed attempt, so the retry is the same contact */
    key: '',
    /** bumped after a contact is queued, so the 待上传 panel re-reads the outbox */
    outboxRefresh: 0,
  },

  methods: {
    async fetchPage(page: number) {
      return mapOk(await loadMyElderly(page), (d) => ({ total: d.total, dueCount: d.due, rows: d.items.map(rowOf) }));
    },

    onCall(e: WechatMiniprogram.TouchEvent) {
      const phone = String(e.currentTarget.dataset.phone ?? '');
      if (phone) wx.makePhoneCall({ phoneNumber: phone, fail: () => undefined });
    },

    onOpen(e: WechatMiniprogram.TouchEvent) {
      const id = String(e.currentTarget.dataset.id);
      this.setData({ openId: this.data.openId === id ? '' : id, method: '', note: '', formError: '', key: '' });
    },

    onMethod(e: WechatMiniprogram.TouchEvent) {
      this.setData({ method: e.currentTarget.dataset.key as HelperContactMethod, formError: '', key: '' });
    },

    onNote(e: WechatMiniprogram.Input) {
      this.setData({ note: e.detail.value, formError: '', key: '' });
    },

    async onSubmit() {
      const { openId, method, note, submitting } = this.data;
      if (submitting || !openId) return;
      if (!method) {
        this.setData({ formError: '请选择联系方式：上门、电话或微信' });
        return;
      }
      const i = this.data.rows.findIndex((r) => r.id === openId);
      const row = this.data.rows[i];
      const key = this.data.key || newIdempotencyKey();
      this.setData({ submitting: true, formError: '', key });
      const sent = await recordContact(openId, method, note.trim(), `帮扶联系 ${row?.title ?? ''}（${CONTACT_LABELS[method]}）`, key);
      if (!sent.queued && !sent.result.ok) {
        this.setData({ submitting: false, formError: failureText(sent.result) });
        return;
      }
      this.setData({ submitting: false, openId: '', method: '', note: '', key: '' });
      if (sent.queued) {
        this.setData({ outboxRefresh: this.data.outboxRefresh + 1 });
        wx.showToast({ title: '已保存，待上传', icon: 'none', duration: 3000 });
        return;
      }
      showDone('已记录联系');
      // the list re-reads: the person moves down and the due count drops
      this.load(this.data.page);
    },
  },
});
