// 独居老人关爱清单 (seed 000): the registry the caller may read, and the registration form for the office and liaisons.
import type { ElderlyEntryView } from '../../../../typings/programme';
import { addElderly, HELPER_TYPES, listElderly, type ElderlyForm } from '../services/programme';
import { failureText, showDone } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { mapOk } from '../../../behaviors/loadState';

interface Row {
  id: string;
  title: string;
  detail: string;
  helper: string;
  warn: string;
}

function rowOf(e: ElderlyEntryView): Row {
  return {
    id: e.id,
    title: `${e.name}（${e.gender === 'male' ? '男' : '女'}，${e.age}岁）${e.villageName}`,
    detail: `${e.address} · 发现隐患${e.hazardsFound}处，整改${e.hazardsRectified}处 · 宣传${e.timesEducated}次`,
    helper: `帮扶人：${e.helper.name} ${e.helper.phone}`,
    warn: e.daysSinceContact >= 7 ? `已${e.daysSinceContact}天未联系` : '',
  };
}

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    rows: [] as Row[],
    helperTypes: HELPER_TYPES.map((t) => t.label),
    form: {
      villageId: '',
      name: '',
      age: '',
      phone: '',
      address: '',
      buildingType: '',
      floors: '1',
      yearBuilt: '',
      helperName: '',
      helperPhone: '',
      helperType: 0,
      gender: 'female',
    },
    formError: '',
    saving: false,
  },

  methods: {
    async fetchPage(page: number) {
      return mapOk(await listElderly(page), (d) => ({ rows: d.items.map(rowOf), total: d.total }));
    },

    onInput(e: WechatMiniprogram.Input & { currentTarget: { dataset: { field: string } } }) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, formError: '' });
    },

    onHelperType(e: WechatMiniprogram.PickerChange) {
      this.setData({ 'form.helperType': Number(e.detail.value) });
    },

    async onSubmit() {
      const f = this.data.form;
      const form: ElderlyForm = {
        villageId: f.villageId.trim(),
        name: f.name,
        gender: f.gender === 'male' ? 'male' : 'female',
        age: Number(f.age),
        phone: f.phone.trim() ? f.phone : null,
        smoking: false,
        drinking: false,
        address: f.address,
        buildingType: f.buildingType,
        floors: Number(f.floors),
        yearBuilt: f.yearBuilt,
        helper: { name: f.helperName, type: HELPER_TYPES[f.helperType].value, phone: f.helperPhone, personId: null },
        devices: { smokeDetector: false, alarmOrVideo: false, leakageProtection: false, gasShutoff: false, other: '' },
      };
      this.setData({ saving: true, formError: '' });
      const res = await addElderly(form, `elderly-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`);
      this.setData({ saving: false });
      if (!res.ok) {
        this.setData({ formError: failureText(res) });
        return;
      }
      showDone('已登记');
      this.load(this.data.page);
    },
  },
});
