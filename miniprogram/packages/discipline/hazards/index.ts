// 安全隐患登记表 ("村部查阅安全隐患登记表", seed 001 §六(三)): a village's hazards, oldest first, each with its household,
// item, found date, deadline, state and verification; the township office and the discipline office read it here and
// export it as .xlsx for the file.
import type { HazardRegisterRow } from '../services/supervision';
import { exportHazardRegister, hazardRegister } from '../services/supervision';
import { failureText } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { mapOk } from '../../../behaviors/loadState';

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    villageId: '',
    villageName: '',
    villageNames: [] as string[],
    villageIds: [] as string[],
    villageIndex: 0,
    rows: [] as HazardRegisterRow[],
    counts: { found: 0, open: 0, overdue: 0, rectified: 0 },
    exporting: false,
    exportError: '',
    link: '',
    fileName: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ villageId: decodeURIComponent(query.villageId ?? '') });
      this.load(1);
    },

    async fetchPage(page: number) {
      return mapOk(await hazardRegister(this.data.villageId, page), (d) => ({
        rows: d.items,
        total: d.total,
        counts: d.counts,
        villageId: d.villageId,
        villageName: d.villageName,
        villageNames: d.villages.map((v) => v.name),
        villageIds: d.villages.map((v) => v.villageId),
        villageIndex: Math.max(
          0,
          d.villages.findIndex((v) => v.villageId === d.villageId),
        ),
      }));
    },

    onVillage(e: WechatMiniprogram.PickerChange) {
      const villageId = this.data.villageIds[Number(e.detail.value)];
      if (!villageId || villageId === this.data.villageId) return;
      this.setData({ villageId, link: '', exportError: '' });
      this.load(1);
    },

    async onExport() {
      if (this.data.exporting) return;
      this.setData({ exporting: true, exportError: '', link: '' });
      const res = await exportHazardRegister(this.data.villageId);
      this.setData({ exporting: false });
      if (!res.ok) {
        this.setData({ exportError: failureText(res) });
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
