// Campaign settings: rules (gap, remedy days, reminders) and periods (dates, quota). Periods that have ended are
// read-only; the server's refusal (PERIOD_CLOSED, CAMPAIGN_INVALID, a bad number) appears next to its section.
import type { CampaignView } from '../../../../typings/visit';
import type { CampaignForm, CampaignTab } from '../services/campaign';
import { campaignForm, failurePlace, loadCampaigns, saveCampaign } from '../services/campaign';
import { failureText, showDone } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, okView } from '../../../behaviors/loadState';

type FieldInput = WechatMiniprogram.Input & { currentTarget: { dataset: { field: string; index?: number } } };

let campaigns: CampaignView[] = [];

Component({
  behaviors: [largeTextBehavior, loadStateBehavior],
  data: {
    /** ?campaignId= of the link that opened the page */
    campaignId: '',
    tabs: [] as CampaignTab[],
    form: null as CampaignForm | null,
    rulesError: '',
    periodsError: '',
    formError: '',
    busy: false,
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
        rulesError: '',
        periodsError: '',
        formError: '',
      });
    },

    onPickCampaign(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const c = campaigns.find((x) => x.id === e.currentTarget.dataset.id);
      if (c) this.setData({ form: campaignForm(c), rulesError: '', periodsError: '', formError: '' });
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

    async onSave() {
      const form = this.data.form;
      const original = form && campaigns.find((c) => c.id === form.id);
      if (!form || !original || this.data.busy) return;
      this.setData({ busy: true, rulesError: '', periodsError: '', formError: '' });
      const res = await saveCampaign(form, original);
      if (!res.ok) {
        const place = failurePlace(res);
        this.setData({ busy: false, [`${place}Error`]: failureText(res) });
        return;
      }
      campaigns = campaigns.map((c) => (c.id === res.data.id ? res.data : c));
      this.setData({ busy: false, form: campaignForm(res.data) });
      showDone('已保存');
    },
  },
});
