// 抽查农户 (seed 001 §六(三) "通过抽查农户…进行督查"): draw N households at random from a village or from a visitor's range,
// compared with the visits recorded between two days; the samples drawn so far, each with its mismatches.
import type { SpotCheckSummary } from '../../../../typings/supervision';
import { drawSpotCheck, newIdempotencyKey, spotCheckHome } from '../services/supervision';
import { failureText } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { mapOk } from '../../../behaviors/loadState';
import { cstTime } from '../../../ui/cstFormat';

type Scope = 'village' | 'visitor';

interface SampleRow extends SpotCheckSummary {
  text: string;
}

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    rows: [] as SampleRow[],
    villageNames: [] as string[],
    villageIds: [] as string[],
    visitorNames: [] as string[],
    visitorIds: [] as string[],
    form: { scope: 'village' as Scope, villageIndex: 0, visitorIndex: 0, size: '5', fromDay: '', toDay: '' },
    drawKey: '',
    drawing: false,
    drawError: '',
  },

  methods: {
    async fetchPage(page: number) {
      return mapOk(await spotCheckHome(page), (d) => ({
        total: d.samples.total,
        rows: d.samples.items.map((s) => ({
          ...s,
          text: `已核 ${s.checked}/${s.size} 户 · ${s.mismatchCount ? `不一致 ${s.mismatchCount} 处` : '暂无不一致'}`,
          drawnAt: cstTime(s.drawnAt),
        })),
        villageNames: d.villages.map((v) => v.name),
        villageIds: d.villages.map((v) => v.villageId),
        visitorNames: d.visitors.map((v) => v.name),
        visitorIds: d.visitors.map((v) => v.personId),
        // the form keeps what the user chose across pages; the period defaults to this month up to today
        'form.fromDay': this.data.form.fromDay || d.fromDay,
        'form.toDay': this.data.form.toDay || d.toDay,
      }));
    },

    onScope(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { scope: Scope }>) {
      this.setData({ 'form.scope': e.currentTarget.dataset.scope, drawError: '', drawKey: '' });
    },

    onField(e: WechatMiniprogram.Input & WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { field: string }>) {
      const field = e.currentTarget.dataset.field;
      const value = field.endsWith('Index') ? Number(e.detail.value) : String(e.detail.value);
      this.setData({ [`form.${field}`]: value, drawError: '', drawKey: '' });
    },

    async onDraw() {
      if (this.data.drawing) return;
      const f = this.data.form;
      const size = Number(f.size);
      if (!Number.isInteger(size) || size < 1) {
        this.setData({ drawError: '请填写抽查户数（至少1户）' });
        return;
      }
      const target =
        f.scope === 'village'
          ? { villageId: this.data.villageIds[f.villageIndex] }
          : { visitorPersonId: this.data.visitorIds[f.visitorIndex] };
      // one key per chosen draw: a retry after a lost answer finds the same sample instead of drawing a second one
      const drawKey = this.data.drawKey || newIdempotencyKey();
      this.setData({ drawing: true, drawError: '', drawKey });
      const res = await drawSpotCheck({ ...target, size, fromDay: f.fromDay, toDay: f.toDay }, drawKey);
      this.setData({ drawing: false });
      if (!res.ok) {
        this.setData({ drawError: failureText(res) });
        return;
      }
      this.setData({ drawKey: '' });
      wx.navigateTo({ url: `/packages/discipline/spotcheck/index?id=${encodeURIComponent(res.data.spotCheckId)}` });
    },

    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      wx.navigateTo({ url: `/packages/discipline/spotcheck/index?id=${encodeURIComponent(e.currentTarget.dataset.id)}` });
    },
  },
});
