// One micro-grid: households with their visitor (20 a page), the "n/15" count, add a household (the server refuses the
// 16th with GRID_FULL, shown next to the form), move a household, assign or reassign its visitor with a reason.
import type { HouseholdRow, Option } from '../services/grid';
import { addHousehold, assignVisitor, gridHouseholds, moveHousehold, otherGrids, reassignVisitor, visitorOptions } from '../services/grid';
import { capHint, GRID_CAP } from '../services/village';
import { failureText, showDone } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { mapOk } from '../../../behaviors/loadState';
import { pageCount, pagedListBehavior } from '../../../behaviors/pagedList';
import { PAGE_SIZE } from '../../../config/paging';

type Action = '' | 'move' | 'visitor';
type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string; field?: string }>;

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    gridId: '',
    villageId: '',
    name: '',
    rows: [] as HouseholdRow[],
    fill: '',
    capHint: '',
    full: false,
    address: '',
    headName: '',
    addError: '',
    selectedId: '',
    action: '' as Action,
    options: [] as Option[],
    optionNames: [] as string[],
    optionIndex: -1,
    reason: '',
    actionError: '',
    optionsLoading: false,
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ gridId: query.gridId ?? '', villageId: query.villageId ?? '', name: decodeURIComponent(query.name ?? '') });
      this.load(1);
    },

    async fetchPage(page: number) {
      return mapOk(await gridHouseholds(this.data.gridId, page), (d) => ({
        rows: d.rows,
        selectedId: '',
        action: '',
        ...this.count(d.total),
      }));
    },

    count(total: number) {
      return { total, fill: `${total}/${GRID_CAP}`, full: total >= GRID_CAP, capHint: capHint(total) };
    },

    onFieldInput(e: WechatMiniprogram.Input & { currentTarget: { dataset: { field: string } } }) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value, addError: '', actionError: '' });
    },

    async onAdd() {
      if (this.data.busy) return;
      if (!this.data.address.trim() || !this.data.headName.trim()) {
        this.setData({ addError: '请填写门牌地址和户主姓名' });
        return;
      }
      this.setData({ busy: true, addError: '' });
      const res = await addHousehold(this.data.gridId, this.data.address, this.data.headName);
      if (!res.ok) {
        this.setData({ busy: false, addError: failureText(res) });
        return;
      }
      const h = res.data.household;
      const row: HouseholdRow = { id: h.id, address: h.address, headName: h.headName, visitorId: '', visitor: '', priority: false };
      const onLastPage = !this.data.hasMore && this.data.rows.length < PAGE_SIZE;
      this.setData({
        busy: false,
        address: '',
        headName: '',
        ...(onLastPage ? { [`rows[${this.data.rows.length}]`]: row } : { hasMore: true, pages: pageCount(res.data.grid.householdCount) }),
        ...this.count(res.data.grid.householdCount),
      });
      showDone(`已添加，${res.data.grid.householdCount}/${GRID_CAP}户`);
    },

    onSelect(e: Tap) {
      const id = e.currentTarget.dataset.id;
      this.setData({ selectedId: this.data.selectedId === id ? '' : id, action: '', actionError: '', reason: '', optionIndex: -1 });
    },

    async onStartAction(e: Tap) {
      const action = e.currentTarget.dataset.field as Action;
      this.setData({ action, options: [], optionNames: [], optionIndex: -1, reason: '', actionError: '', optionsLoading: true });
      const res = action === 'move' ? await otherGrids(this.data.villageId, this.data.gridId) : await visitorOptions();
      if (this.data.action !== action) return;
      if (!res.ok) {
        this.setData({ optionsLoading: false, actionError: failureText(res) });
        return;
      }
      this.setData({ optionsLoading: false, options: res.data, optionNames: res.data.map((o) => o.name) });
    },

    onOptionChange(e: WechatMiniprogram.PickerChange) {
      this.setData({ optionIndex: Number(e.detail.value), actionError: '' });
    },

    async onConfirmAction() {
      const row = this.data.rows.find((r) => r.id === this.data.selectedId);
      const option = this.data.options[this.data.optionIndex];
      if (!row || this.data.busy) return;
      if (!option) {
        this.setData({ actionError: this.data.action === 'move' ? '请选择要迁入的微网格' : '请选择走访人' });
        return;
      }
      const reassign = this.data.action === 'visitor' && !!row.visitorId;
      if (reassign && this.data.reason.trim().length < 2) {
        this.setData({ actionError: '请填写更换走访人的原因（至少2个字）' });
        return;
      }
      this.setData({ busy: true, actionError: '' });
      if (this.data.action === 'move') {
        const res = await moveHousehold(row.id, option.id);
        if (!res.ok) {
          this.setData({ busy: false, actionError: failureText(res) });
          return;
        }
        this.setData({
          busy: false,
          selectedId: '',
          action: '',
          rows: this.data.rows.filter((r) => r.id !== row.id),
          ...this.count(res.data.from.householdCount),
        });
        showDone('已迁移');
        return;
      }
      const res = reassign
        ? await reassignVisitor(row.id, row.visitorId, option.id, this.data.reason)
        : await assignVisitor(row.id, option.id);
      if (!res.ok) {
        this.setData({ busy: false, actionError: failureText(res) });
        return;
      }
      const i = this.data.rows.indexOf(row);
      this.setData({
        busy: false,
        selectedId: '',
        action: '',
        reason: '',
        [`rows[${i}].visitorId`]: option.id,
        [`rows[${i}].visitor`]: option.name,
      });
      showDone(reassign ? '已更换走访人' : '已分配走访人');
    },
  },
});
