// Campaign settings: rules (gap, remedy days, reminders), periods (dates, quota; 20 a page; add, remove), and the
// calendar: phases (部署/实施/总结) and key dates of raised alert level, which the raised-alert reminders follow. Ended
// periods are read-only and cannot be removed, nor can one with visits; the server's refusal (PERIOD_CLOSED,
// PERIOD_HAS_VISITS, CAMPAIGN_INVALID, a bad number) appears next to its section.
import type { CampaignView } from '../../../../typings/visit';
import type { CampaignForm, CampaignTab, DayForm, NewPeriodForm } from '../services/campaign';
import {
  addPeriod,
  campaignForm,
  EMPTY_PERIOD,
  emptyDay,
  failurePlace,
  loadCampaigns,
  removePeriod,
  saveCalendar,
  saveCampaign,
} from '../services/campaign';
import { newIdempotencyKey } from '../../../services/outbox';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, okView } from '../../../behaviors/loadState';
import { formWriteBehavior } from '../../../behaviors/formWrite';
import { pageCount } from '../../../behaviors/pagedList';
import { PAGE_SIZE } from '../../../config/paging';

type FieldInput = WechatMiniprogram.Input & { currentTarget: { dataset: { field: string; index?: number; list?: string } } };
type IndexTap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number; list?: string }>;
type DayList = 'phases' | 'keyDates';

let campaigns: CampaignView[] = [];
/** the add-period tap's key, kept until it succeeds so a resend never adds twice */
let addKey = '';

const NO_ERRORS = { rulesError: '', periodsError: '', calendarError: '', formError: '', addError: '' };

/** the page of periods that holds the current one (else the first) */
function periodPageOf(c: CampaignView | undefined): number {
  const i = c ? c.periods.findIndex((p) => p.state === 'current' || p.state === 'upcoming') : -1;
  return i < 0 ? 1 : Math.floor(i / PAGE_SIZE) + 1;
}

Component({
  behaviors: [largeTextBehavior, loadStateBehavior, formWriteBehavior],
  data: {
    /** ?campaignId= of the link that opened the page */
    campaignId: '',
    tabs: [] as CampaignTab[],
    form: null as CampaignForm | null,
    periodPage: 1,
    periodPages: 1,
    periodFrom: 0,
    periodTo: PAGE_SIZE,
    newPeriod: { ...EMPTY_PERIOD } as NewPeriodForm,
    ...NO_ERRORS,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ campaignId: query.campaignId ?? '' });
      this.load();
    },

    async fetchView() {
      const res = await loadCampaigns();
      if (!res.ok) return res;
      campaigns = res.data;
      // a retry keeps the campaign on screen; the first load opens the one asked for
      const wanted = this.data.form?.id ?? this.data.campaignId;
      const chosen = campaigns.find((c) => c.id === wanted) ?? campaigns[0];
      return okView({
        tabs: campaigns.map((c) => ({ id: c.id, name: c.name + (c.active ? '（进行中）' : '') })),
        form: chosen ? campaignForm(chosen) : null,
        ...this.periodPaging(chosen, periodPageOf(chosen)),
        ...NO_ERRORS,
      });
    },

    periodPaging(c: CampaignView | undefined, page: number) {
      const pages = pageCount(c?.periods.length ?? 0);
      const p = Math.min(Math.max(1, page), pages);
      return { periodPage: p, periodPages: pages, periodFrom: (p - 1) * PAGE_SIZE, periodTo: p * PAGE_SIZE };
    },

    /** the campaign as the server answered it: on screen, in the tabs' list, periods page kept */
    show(c: CampaignView, extra: Record<string, unknown> = {}) {
      campaigns = campaigns.map((x) => (x.id === c.id ? c : x));
      this.setData({ form: campaignForm(c), ...this.periodPaging(c, this.data.periodPage), ...extra });
    },

    onPickCampaign(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const c = campaigns.find((x) => x.id === e.currentTarget.dataset.id);
      if (c) this.setData({ form: campaignForm(c), ...this.periodPaging(c, periodPageOf(c)), ...NO_ERRORS });
    },

    onPeriodPrev() {
      const c = campaigns.find((x) => x.id === this.data.form?.id);
      this.setData(this.periodPaging(c, this.data.periodPage - 1));
    },

    onPeriodNext() {
      const c = campaigns.find((x) => x.id === this.data.form?.id);
      this.setData(this.periodPaging(c, this.data.periodPage + 1));
    },

    onRuleInput(e: FieldInput) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, rulesError: '' });
    },

    onPeriodInput(e: FieldInput) {
      const { field, index } = e.currentTarget.dataset;
      const p = this.data.form?.periods[Number(index)];
      if (!p || p.locked) return;
      this.setData({ [`form.periods[${index}].${field}`]: e.detail.value, periodsError: '' });
    },

    onNewPeriodInput(e: FieldInput) {
      this.setData({ [`newPeriod.${e.currentTarget.dataset.field}`]: e.detail.value, addError: '' });
    },

    onDayInput(e: FieldInput) {
      const { field, index, list } = e.currentTarget.dataset;
      this.setData({ [`form.${list}[${index}].${field}`]: e.detail.value, calendarError: '' });
    },

    onAddDay(e: IndexTap) {
      const list = e.currentTarget.dataset.list as DayList;
      if (!this.data.form) return;
      this.setData({ [`form.${list}`]: [...this.data.form[list], emptyDay()] });
    },

    onRemoveDay(e: IndexTap) {
      const { index } = e.currentTarget.dataset;
      const list = e.currentTarget.dataset.list as DayList;
      if (!this.data.form) return;
      this.setData({ [`form.${list}`]: this.data.form[list].filter((_: DayForm, i: number) => i !== Number(index)), calendarError: '' });
    },

    onSave() {
      const form = this.data.form;
      const original = form && campaigns.find((c) => c.id === form.id);
      if (!form || !original || this.data.busy) return;
      this.setData(NO_ERRORS);
      // a refusal goes next to the section it names (rules, periods), else under the form
      this.write(
        (fail) => `${failurePlace(fail)}Error`,
        () => saveCampaign(form, original),
        (c) => this.show(c),
        '已保存',
      );
    },

    onSaveCalendar() {
      const form = this.data.form;
      if (form)
        this.write(
          'calendarError',
          () => saveCalendar(form),
          (c) => this.show(c),
          '已保存',
        );
    },

    async onAddPeriod() {
      const form = this.data.form;
      if (!form) return;
      addKey = addKey || newIdempotencyKey();
      const added = await this.write(
        'addError',
        () => addPeriod(form.id, this.data.newPeriod, addKey),
        (c) => this.show(c, { newPeriod: { ...EMPTY_PERIOD } }),
        '已添加时段',
      );
      if (added) addKey = '';
    },

    async onRemovePeriod(e: IndexTap) {
      const form = this.data.form;
      const p = form?.periods[Number(e.currentTarget.dataset.index)];
      if (!form || !p || p.locked || this.data.busy) return;
      const sure = await new Promise<boolean>((resolve) =>
        wx.showModal({
          title: '删除时段',
          content: `确定删除“${p.label}”（${p.startDay}至${p.endDay}）？已有走访记录的时段不能删除。`,
          confirmText: '删除',
          success: (r) => resolve(r.confirm),
          fail: () => resolve(false),
        }),
      );
      if (sure)
        this.write(
          'periodsError',
          () => removePeriod(form.id, p.key),
          (c) => this.show(c),
          '已删除',
        );
    },
  },
});
