// 季度督查 (004 三(三) "每季度开展一次专项督查"): each plan's inspections owed and made in the quarter, the quarter's
// hazards and referrals, and the two .xlsx exports (the place inspection ledger, the quarterly summary).
import type { QuarterPlanRow, QuarterlyReport } from '../../../../typings/place';
import { exportLedger, exportQuarterly, quarterlyReport, shiftQuarter } from '../services/places';
import { failureText } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, mapOk } from '../../../behaviors/loadState';

interface PlanRow {
  id: string;
  name: string;
  who: string;
  line: string;
  missed: number;
}

const planRow = (p: QuarterPlanRow): PlanRow => ({
  id: p.planId,
  name: p.planName,
  who: `${p.inspectorLabel} · ${p.frequencyLabel} · ${p.places} 处场所`,
  line: `应检 ${p.owed} 次，已检 ${p.made} 次，漏检 ${p.missed} 次，覆盖率 ${p.coveragePct}%`,
  missed: p.missed,
});

const totals = (r: QuarterlyReport): string[] => [
  `本季度检查 ${r.inspections} 次，其中镇专项督查 ${r.specialInspections} 次`,
  `发现隐患 ${r.hazardsFound} 处，核实整改 ${r.hazardsVerified} 处，逾期未整改 ${r.hazardsOverdue} 处`,
  `转办部门 ${r.referrals} 件，已反馈 ${r.referralsAnswered} 件，逾期未反馈 ${r.referralsOverdue} 件`,
];

Component({
  behaviors: [largeTextBehavior, loadStateBehavior],
  data: {
    quarter: '',
    label: '',
    fromDay: '',
    toDay: '',
    plans: [] as PlanRow[],
    totals: [] as string[],
    busy: '',
    link: '',
    fileName: '',
    exportError: '',
  },

  methods: {
    async fetchView() {
      return mapOk(await quarterlyReport(this.data.quarter), (r) => ({
        quarter: r.quarter,
        label: r.label,
        fromDay: r.fromDay,
        toDay: r.toDay,
        plans: r.plans.map(planRow),
        totals: totals(r),
        link: '',
        exportError: '',
      }));
    },

    onPrev() {
      this.setData({ quarter: shiftQuarter(this.data.quarter, -1) });
      this.load();
    },

    onNext() {
      this.setData({ quarter: shiftQuarter(this.data.quarter, 1) });
      this.load();
    },

    async onExport(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { kind: 'ledger' | 'summary' }>) {
      const kind = e.currentTarget.dataset.kind;
      this.setData({ busy: kind, exportError: '', link: '' });
      const res = kind === 'ledger' ? await exportLedger(this.data.fromDay, this.data.toDay) : await exportQuarterly(this.data.quarter);
      this.setData({ busy: '' });
      if (!res.ok) {
        this.setData({ exportError: failureText(res) });
        return;
      }
      this.setData({ link: res.data.url, fileName: res.data.fileName });
      wx.setClipboardData({ data: res.data.url });
    },
  },
});
