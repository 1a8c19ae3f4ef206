// This week's contact board: every household of my micro-grid, contacted or not and how; one tap confirms with a method.
// Without network the confirmation is kept on the phone (outbox, with its device time) and shown "待上传" until sent.
import type { ContactMethod, HouseholdContactRow, WeeklyBoard } from '../../../../typings/grid';
import { showDone, showFailure } from '../../../services/feedback';
import { flush } from '../../../services/outbox';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, mapOk } from '../../../behaviors/loadState';
import { confirmContact, loadBoard, METHOD_LABELS, METHODS, pendingContacts, pendingReports } from '../services/grid';
import { cstShort } from '../../../ui/cstFormat';

interface Row {
  householdId: string;
  address: string;
  headName: string;
  contacted: boolean;
  statusText: string;
  pendingText: string;
}

function rowOf(h: HouseholdContactRow, queued: { method: ContactMethod } | undefined): Row {
  return {
    householdId: h.householdId,
    address: h.address,
    headName: h.headName,
    contacted: h.contacted,
    statusText:
      h.contacted && h.method ? `已联络 · ${METHOD_LABELS[h.method]} · ${cstShort(h.at)}${h.offline ? '（离线补传）' : ''}` : '未联络',
    pendingText: queued ? `待上传（${METHOD_LABELS[queued.method]}）` : '',
  };
}

function boardView(b: WeeklyBoard) {
  const queued = pendingContacts();
  return {
    weekLabel: b.week.label,
    gridName: `${b.grid.villageName} ${b.grid.name}`,
    rows: b.households.map((h) => rowOf(h, queued.get(h.householdId))),
    contacted: b.contacted,
    total: b.total,
    reportFiled: !!b.report,
    complete: b.complete,
    closedText: b.closed
      ? `本周已结算：联络${b.closed.contacted}/${b.closed.total}户${b.closed.reportFiled ? '，已上报' : '，未上报'}`
      : '',
    pendingCount: queued.size + pendingReports(),
  };
}

Component({
  behaviors: [largeTextBehavior, loadStateBehavior],
  data: {
    weekLabel: '',
    gridName: '',
    rows: [] as Row[],
    contacted: 0,
    total: 0,
    reportFiled: false,
    complete: false,
    closedText: '',
    pendingCount: 0,
    busyId: '',
    methods: METHODS,
  },

  methods: {
    async fetchView() {
      // confirmations kept on the phone go first, so the board shows them as sent
      if (pendingContacts().size || pendingReports()) await flush();
      return mapOk(await loadBoard(), boardView);
    },

    async onFlush() {
      const report = await flush();
      if (report.refused.length) showFailure({ ok: false, code: 'INVALID_INPUT', message: report.refused[0].message });
      else if (report.stillPending) showFailure({ ok: false, code: 'NETWORK', message: '网络仍不可用，稍后自动重试' });
      this.load();
    },

    async onConfirm(e: WechatMiniprogram.TouchEvent) {
      const { id, method } = e.currentTarget.dataset as { id: string; method: ContactMethod };
      if (this.data.busyId) return;
      const i = this.data.rows.findIndex((r) => r.householdId === id);
      if (i < 0) return;
      const row = this.data.rows[i];
      this.setData({ busyId: id });
      const sent = await confirmContact(id, method, `联络 ${row.address}（${METHOD_LABELS[method]}）`);
      this.setData({ busyId: '' });
      if (sent.queued) {
        this.setData({
          [`rows[${i}].pendingText`]: `待上传（${METHOD_LABELS[method]}）`,
          pendingCount: pendingContacts().size + pendingReports(),
        });
        showFailure({ ok: false, code: 'NETWORK', message: '网络不可用，已保存，待上传' });
        return;
      }
      if (!sent.result.ok) {
        showFailure(sent.result);
        return;
      }
      const c = sent.result.data;
      const wasContacted = row.contacted;
      const contacted = this.data.contacted + (wasContacted ? 0 : 1);
      this.setData({
        [`rows[${i}]`]: { ...row, contacted: true, pendingText: '', statusText: `已联络 · ${METHOD_LABELS[c.method]} · ${cstShort(c.at)}` },
        contacted,
        complete: contacted >= this.data.total && this.data.reportFiled,
      });
      showDone('已确认联络');
    },

    onGoReport() {
      wx.navigateTo({ url: '/packages/leader/report/index' });
    },

    onGoWeeks() {
      wx.navigateTo({ url: '/packages/leader/weeks/index' });
    },
  },
});
