// This week's contact board: every household of my micro-grid, contacted or not and how; one tap confirms with a method.
// Each household has 打电话 (wx.makePhoneCall) and 复制微信号 buttons — the server sends the numbers to this grid's leader
// only — and after the call or the copy the page offers to confirm the contact. A leader of several grids picks the grid
// (remembered on the phone). Without network a confirmation is kept on the phone (outbox, with its device time) and
// shown "待上传" until sent.
import type { ContactMethod, HouseholdContactRow, LeaderGridOption, WeeklyBoard } from '../../../../typings/grid';
import { showDone, showFailure } from '../../../services/feedback';
import { flush } from '../../../services/outbox';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, mapOk } from '../../../behaviors/loadState';
import { chooseGrid, confirmContact, loadBoard, METHOD_LABELS, METHODS, pendingContacts, pendingReports } from '../services/grid';
import { cstShort } from '../../../ui/cstFormat';

interface Row {
  householdId: string;
  address: string;
  headName: string;
  /** 电话 向长青 13800000001 (masked for anyone but this grid's leader) */
  phoneText: string;
  callNumber: string;
  wechatText: string;
  wechatId: string;
  contacted: boolean;
  statusText: string;
  pendingText: string;
}

function rowOf(h: HouseholdContactRow, queued: { method: ContactMethod } | undefined): Row {
  return {
    householdId: h.householdId,
    address: h.address,
    headName: h.headName,
    phoneText: h.phoneMasked ? `电话 ${h.phoneName ?? ''} ${h.callNumber ?? h.phoneMasked}` : '未登记电话',
    callNumber: h.callNumber ?? '',
    wechatText: h.wechatMasked ? `微信号 ${h.wechatId ?? h.wechatMasked}` : '未登记微信号',
    wechatId: h.wechatId ?? '',
    contacted: h.contacted,
    statusText:
      h.contacted && h.method ? `已联络 · ${METHOD_LABELS[h.method]} · ${cstShort(h.at)}${h.offline ? '（离线补传）' : ''}` : '未联络',
    pendingText: queued ? `待上传（${METHOD_LABELS[queued.method]}）` : '',
  };
}

const gridLabel = (g: LeaderGridOption) => `${g.villageName} ${g.name}`;

function boardView(b: WeeklyBoard) {
  const queued = pendingContacts();
  return {
    weekLabel: b.week.label,
    gridName: `${b.grid.villageName} ${b.grid.name}`,
    gridIds: b.myGrids.map((g) => g.id),
    gridNames: b.myGrids.map(gridLabel),
    gridIndex: Math.max(
      0,
      b.myGrids.findIndex((g) => g.id === b.grid.id),
    ),
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
    /** the grids I lead; the chooser shows when there are several */
    gridIds: [] as string[],
    gridNames: [] as string[],
    gridIndex: 0,
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

    onGrid(e: WechatMiniprogram.PickerChange) {
      const i = Number(e.detail.value);
      const id = this.data.gridIds[i];
      if (!id || i === this.data.gridIndex) return;
      chooseGrid(id);
      this.load();
    },

    /** 打电话: the dialler opens with the household's number; back from the call, the page offers to confirm it. */
    onCall(e: WechatMiniprogram.TouchEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      const row = this.data.rows.find((r) => r.householdId === id);
      if (!row?.callNumber) return;
      wx.makePhoneCall({
        phoneNumber: row.callNumber,
        success: () => this.offerConfirm(row, 'phone', `通话结束了吗？确认本周已电话联络${row.address}`),
        fail: () => undefined,
      });
    },

    /** 复制微信号: the id goes to the clipboard for WeChat's 添加朋友; after the chat, the page offers to confirm it. */
    onCopyWechat(e: WechatMiniprogram.TouchEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      const row = this.data.rows.find((r) => r.householdId === id);
      if (!row?.wechatId) return;
      wx.setClipboardData({
        data: row.wechatId,
        success: () =>
          this.offerConfirm(
            row,
            'wechat',
            `微信号已复制，可到微信“添加朋友”里粘贴查找。联系过${row.address}后，点“已联系”确认本周微信联络`,
          ),
      });
    },

    offerConfirm(row: Row, method: ContactMethod, content: string) {
      if (row.contacted) return;
      wx.showModal({
        title: '确认本周联络',
        content,
        confirmText: '已联系',
        cancelText: '稍后',
        success: (res) => {
          if (res.confirm) this.confirmRow(row.householdId, method);
        },
      });
    },

    onConfirm(e: WechatMiniprogram.TouchEvent) {
      const { id, method } = e.currentTarget.dataset as { id: string; method: ContactMethod };
      this.confirmRow(id, method);
    },

    async confirmRow(id: string, method: ContactMethod) {
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
