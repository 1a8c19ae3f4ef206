// Exemptions and reassignments: pick a visitor, then exempt them for a period, or hand some of their households to
// another visitor; both need a reason, checked here before the call and audited by the server.
import type { HeldHousehold, PeriodOption, VisitorRow } from '../services/exemptions';
import { exemptVisitor, heldHouseholds, listVisitors, periodOptions, reasonProblem, reassignHouseholds } from '../services/exemptions';
import { failureText, showDone } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { mapOk } from '../../../behaviors/loadState';

type Mode = '' | 'exempt' | 'reassign';
type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string; name: string }>;

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    visitors: [] as VisitorRow[],
    mode: '' as Mode,
    visitorId: '',
    visitorName: '',
    periods: [] as PeriodOption[],
    periodLabels: [] as string[],
    periodIndex: 0,
    households: [] as HeldHousehold[],
    toOptions: [] as VisitorRow[],
    toNames: [] as string[],
    toIndex: -1,
    reason: '',
    reasonError: '',
    formError: '',
    formLoading: false,
    busy: false,
  },

  methods: {
    async fetchPage(page: number) {
      return mapOk(await listVisitors(page), (d) => ({ visitors: d.rows, total: d.total }));
    },

    async onExempt(e: Tap) {
      const { id, name } = e.currentTarget.dataset;
      this.setData({ mode: 'exempt', visitorId: id, visitorName: name, reason: '', reasonError: '', formError: '' });
      if (this.data.periods.length) return;
      this.setData({ formLoading: true });
      const res = await periodOptions();
      if (!res.ok) {
        this.setData({ formLoading: false, formError: failureText(res) });
        return;
      }
      this.setData({
        formLoading: false,
        periods: res.data.options,
        periodLabels: res.data.options.map((o) => o.label),
        periodIndex: res.data.current,
      });
    },

    async onReassign(e: Tap) {
      const { id, name } = e.currentTarget.dataset;
      const toOptions = this.data.visitors.filter((v) => v.id !== id);
      this.setData({
        mode: 'reassign',
        visitorId: id,
        visitorName: name,
        households: [],
        toOptions,
        toNames: toOptions.map((v) => v.name),
        toIndex: -1,
        reason: '',
        reasonError: '',
        formError: '',
        formLoading: true,
      });
      const res = await heldHouseholds(id);
      if (this.data.visitorId !== id) return;
      if (!res.ok) this.setData({ formLoading: false, formError: failureText(res) });
      else this.setData({ formLoading: false, households: res.data });
    },

    onCloseForm() {
      this.setData({ mode: '', visitorId: '', formError: '', reasonError: '' });
    },

    onPeriodChange(e: WechatMiniprogram.PickerChange) {
      this.setData({ periodIndex: Number(e.detail.value) });
    },

    onToChange(e: WechatMiniprogram.PickerChange) {
      this.setData({ toIndex: Number(e.detail.value), formError: '' });
    },

    onReasonInput(e: WechatMiniprogram.Input) {
      this.setData({ reason: e.detail.value, reasonError: '' });
    },

    onToggleHousehold(e: Tap) {
      const i = this.data.households.findIndex((h) => h.id === e.currentTarget.dataset.id);
      if (i < 0) return;
      this.setData({ [`households[${i}].picked`]: !this.data.households[i].picked, formError: '' });
    },

    async onSubmitExempt() {
      if (this.data.busy) return;
      const reasonError = reasonProblem(this.data.reason);
      const period = this.data.periods[this.data.periodIndex];
      if (reasonError || !period) {
        this.setData({ reasonError, formError: period ? '' : '请选择周期' });
        return;
      }
      this.setData({ busy: true, formError: '' });
      const res = await exemptVisitor(period, this.data.visitorId, this.data.reason);
      if (!res.ok) {
        this.setData({ busy: false, [res.field === 'reason' ? 'reasonError' : 'formError']: failureText(res) });
        return;
      }
      this.setData({ busy: false, mode: '', visitorId: '', reason: '' });
      showDone('已豁免');
    },

    async onSubmitReassign() {
      if (this.data.busy) return;
      const picked = this.data.households.filter((h) => h.picked).map((h) => h.id);
      const to = this.data.toOptions[this.data.toIndex];
      const reasonError = reasonProblem(this.data.reason);
      const formError = !picked.length ? '请至少选择一户' : !to ? '请选择新的走访人' : '';
      if (reasonError || formError) {
        this.setData({ reasonError, formError });
        return;
      }
      this.setData({ busy: true, formError: '' });
      const res = await reassignHouseholds(picked, this.data.visitorId, to.id, this.data.reason);
      if (!res.ok) {
        this.setData({ busy: false, [res.field === 'reason' ? 'reasonError' : 'formError']: failureText(res) });
        return;
      }
      this.setData({ busy: false, mode: '', visitorId: '', reason: '' });
      showDone(`已调整 ${res.data.opened.length} 户`);
    },
  },
});
