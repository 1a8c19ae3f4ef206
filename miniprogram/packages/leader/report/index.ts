// The weekly risk report ("风险信息上报一次"): "本周无风险", or the hazards found (category, words, optionally the household).
// A refusal shows the server's message and keeps the form; without network the report waits in the outbox ("待上传").
import type { GridHazardCategory, WeeklyBoard } from '../../../../typings/grid';
import { failureText, showDone } from '../../../services/feedback';
import { newIdempotencyKey } from '../../../services/outbox';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, mapOk } from '../../../behaviors/loadState';
import { CATEGORIES, fileReport, loadBoard, type ReportHazardInput } from '../services/grid';
import { cstShort } from '../../../ui/cstFormat';

const MAX_HAZARDS = 20;

interface DraftRow extends ReportHazardInput {
  categoryLabel: string;
  address: string;
}

function boardView(b: WeeklyBoard) {
  const r = b.report;
  return {
    weekLabel: `${b.grid.villageName} ${b.grid.name} · ${b.week.label}`,
    householdIds: ['', ...b.households.map((h) => h.householdId)],
    householdNames: ['不指定农户', ...b.households.map((h) => h.address)],
    filedText: r ? `本周已于${cstShort(r.at)}上报：${r.noRisk ? '无风险' : `${r.hazards.length}条隐患`}（再次上报将替换）` : '',
    filedLines: r ? r.hazards.map((h) => `${h.categoryLabel}：${h.description}${h.address ? `（${h.address}）` : ''}`) : [],
  };
}

Component({
  behaviors: [largeTextBehavior, loadStateBehavior],
  data: {
    weekLabel: '',
    filedText: '',
    filedLines: [] as string[],
    categories: CATEGORIES,
    householdIds: [] as string[],
    householdNames: ['不指定农户'] as string[],
    category: '' as GridHazardCategory | '',
    description: '',
    householdIndex: 0,
    hazards: [] as DraftRow[],
    fieldError: '',
    submitError: '',
    submitting: false,
    doneText: '',
    /** the same submission keeps its key across a refused or failed attempt */
    key: '',
  },

  methods: {
    async fetchView() {
      return mapOk(await loadBoard(), boardView);
    },

    onCategory(e: WechatMiniprogram.TouchEvent) {
      this.setData({ category: e.currentTarget.dataset.key as GridHazardCategory, fieldError: '' });
    },

    onDescription(e: WechatMiniprogram.Input) {
      this.setData({ description: e.detail.value, fieldError: '' });
    },

    onHousehold(e: WechatMiniprogram.PickerChange) {
      this.setData({ householdIndex: Number(e.detail.value) });
    },

    onAdd() {
      const d = this.data;
      if (!d.category) return this.setData({ fieldError: '请选择隐患类别' });
      if (!d.description.trim()) return this.setData({ fieldError: '请填写隐患描述' });
      if (d.hazards.length >= MAX_HAZARDS) return this.setData({ fieldError: `每周最多上报${MAX_HAZARDS}条隐患` });
      const householdId = d.householdIds[d.householdIndex] || undefined;
      const row: DraftRow = {
        category: d.category,
        description: d.description.trim(),
        householdId,
        categoryLabel: CATEGORIES.find((c) => c.key === d.category)?.label ?? '',
        address: householdId ? d.householdNames[d.householdIndex] : '',
      };
      this.setData({ hazards: [...d.hazards, row], category: '', description: '', householdIndex: 0, fieldError: '', key: '' });
    },

    onRemove(e: WechatMiniprogram.TouchEvent) {
      const i = Number(e.currentTarget.dataset.index);
      this.setData({ hazards: this.data.hazards.filter((_, j) => j !== i), key: '' });
    },

    onSubmitNoRisk() {
      this.submit(true);
    },

    onSubmitHazards() {
      if (!this.data.hazards.length) {
        this.setData({ fieldError: '请先添加至少一条隐患，或选择“本周无风险”' });
        return;
      }
      this.submit(false);
    },

    async submit(noRisk: boolean) {
      if (this.data.submitting) return;
      const key = this.data.key || newIdempotencyKey();
      this.setData({ submitting: true, submitError: '', doneText: '', key });
      const hazards: ReportHazardInput[] = noRisk
        ? []
        : this.data.hazards.map((h) =>
            h.householdId
              ? { category: h.category, description: h.description, householdId: h.householdId }
              : { category: h.category, description: h.description },
          );
      const sent = await fileReport(noRisk, hazards, key);
      if (sent.queued) {
        this.setData({ submitting: false, key: '', doneText: '网络不可用：本周上报已保存在手机上，待上传' });
        return;
      }
      if (!sent.result.ok) {
        this.setData({ submitting: false, submitError: failureText(sent.result) });
        return;
      }
      this.setData({
        submitting: false,
        key: '',
        hazards: [],
        doneText: noRisk ? '已上报：本周无风险' : `已上报${hazards.length}条隐患，已转交走访人跟进`,
      });
      showDone('已上报');
    },
  },
});
