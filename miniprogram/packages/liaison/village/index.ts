// The liaison's village: its micro-grids with "n/15" so the cap shows before it bites; add a grid; open a grid.
import type { GridCard } from '../services/village';
import { createGrid, villageGrids } from '../services/village';
import { failureText, showDone } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, okView } from '../../../behaviors/loadState';
import { PAGE_SIZE } from '../../../config/paging';

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string; full?: boolean }>;

Component({
  behaviors: [largeTextBehavior, loadStateBehavior],
  data: {
    villageId: '',
    villageName: '',
    grids: [] as GridCard[],
    newGridName: '',
    gridError: '',
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ villageId: query.villageId ?? '' });
      this.load();
    },

    async fetchView() {
      const res = await villageGrids(this.data.villageId || undefined);
      if (!res.ok) return res;
      // a village has far fewer than PAGE_SIZE grids; the list is capped all the same
      return okView({ villageId: res.data.villageId, villageName: res.data.villageName, grids: res.data.grids.slice(0, PAGE_SIZE) });
    },

    onOpenProgress() {
      wx.navigateTo({ url: `/packages/liaison/progress/index?villageId=${this.data.villageId}` });
    },

    onOpenGrid(e: Tap) {
      const g = this.data.grids.find((x) => x.id === e.currentTarget.dataset.id);
      if (g)
        wx.navigateTo({ url: `/packages/liaison/grid/index?gridId=${g.id}&villageId=${g.villageId}&name=${encodeURIComponent(g.name)}` });
    },

    onAddHousehold(e: Tap) {
      const g = this.data.grids.find((x) => x.id === e.currentTarget.dataset.id);
      if (!g || g.full) return;
      wx.navigateTo({ url: `/packages/liaison/grid/index?gridId=${g.id}&villageId=${g.villageId}&name=${encodeURIComponent(g.name)}` });
    },

    onGridNameInput(e: WechatMiniprogram.Input) {
      this.setData({ newGridName: e.detail.value, gridError: '' });
    },

    async onCreateGrid() {
      if (this.data.busy) return;
      if (!this.data.newGridName.trim()) {
        this.setData({ gridError: '请填写微网格名称' });
        return;
      }
      this.setData({ busy: true, gridError: '' });
      const res = await createGrid(this.data.villageId, this.data.newGridName);
      if (!res.ok) {
        this.setData({ busy: false, gridError: failureText(res) });
        return;
      }
      this.setData({ busy: false, newGridName: '', [`grids[${this.data.grids.length}]`]: res.data });
      showDone('已新建微网格');
    },
  },
});
