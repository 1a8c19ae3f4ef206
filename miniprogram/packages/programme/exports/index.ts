// 报表导出: one button per seed table; the result is a temporary link shown and copied to the clipboard. The campaign
// and its period are picked, never typed as ids.
import type { ChoiceOption } from '../../../../typings/org';
import type { ExportAction } from '../services/programme';
import { runExport } from '../services/programme';
import { failureText } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';

function thisMonth(): string {
  // the table month in China time, whatever the phone's zone
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
}

Component({
  behaviors: [largeTextBehavior],
  data: {
    month: thisMonth(),
    campaignId: '',
    periodKey: '',
    /** the chosen campaign's periods, for the period picker */
    periods: [] as ChoiceOption[],
    busy: '',
    link: '',
    fileName: '',
    errorText: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ campaignId: query.campaignId ?? '', periodKey: query.periodKey ?? this.data.month });
    },

    onInput(e: WechatMiniprogram.Input & { currentTarget: { dataset: { field: string } } }) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value, errorText: '' });
    },

    onCampaign(e: WechatMiniprogram.CustomEvent<{ id: string; options: ChoiceOption[] }>) {
      const periods = e.detail.options;
      const kept = periods.some((p) => p.id === this.data.periodKey) ? this.data.periodKey : '';
      this.setData({ campaignId: e.detail.id, periods, periodKey: kept, errorText: '' });
    },

    onPeriod(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      this.setData({ periodKey: e.detail.id, errorText: '' });
    },

    async onExport(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { action: ExportAction }>) {
      const action = e.currentTarget.dataset.action;
      if ((action === 'exportStats001' || action === 'exportCompliance') && (!this.data.campaignId || !this.data.periodKey)) {
        this.setData({ errorText: '请先选择行动和周期' });
        return;
      }
      this.setData({ busy: action, errorText: '', link: '' });
      const res = await runExport(action, this.data);
      this.setData({ busy: '' });
      if (!res.ok) {
        this.setData({ errorText: failureText(res) });
        return;
      }
      this.setData({ link: res.data.url, fileName: res.data.fileName });
      wx.setClipboardData({ data: res.data.url });
    },

    onCopy() {
      if (this.data.link) wx.setClipboardData({ data: this.data.link });
    },
  },
});
