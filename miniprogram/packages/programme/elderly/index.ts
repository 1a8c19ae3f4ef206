// 独居老人关爱清单 (seed 000 "登记造册，建立监管清单，动态更新"): the registry the caller may read; for the office and
// liaisons, each entry can be edited, or taken off the registry (销册) with a reason — kept, listed on request, no more
// helper reminders — and put back. The registration form picks the village instead of asking for its id.
import type { ElderlyEntryView } from '../../../../typings/programme';
import { addElderly, HELPER_TYPES, listElderly, num, setElderlyActive, updateElderly, type ElderlyForm } from '../services/programme';
import { newIdempotencyKey } from '../../../services/outbox';
import { cstTime } from '../../../ui/cstFormat';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { mapOk } from '../../../behaviors/loadState';
import { formWriteBehavior } from '../../../behaviors/formWrite';

interface Row {
  id: string;
  title: string;
  detail: string;
  helper: string;
  warn: string;
  active: boolean;
  inactive: string;
}

type FlagKey = 'smokeDetector' | 'alarmOrVideo' | 'leakageProtection' | 'gasShutoff' | 'smoking' | 'drinking';
/** 物联感知设施 and 吸烟/饮酒, the 000 table's yes/no columns */
const FLAGS: { key: FlagKey; label: string }[] = [
  { key: 'smokeDetector', label: '联网型独立式感烟探测器' },
  { key: 'alarmOrVideo', label: '一键报警器或视频监控' },
  { key: 'leakageProtection', label: '三级漏电保护装置' },
  { key: 'gasShutoff', label: '燃气泄漏自动断阀装置' },
  { key: 'smoking', label: '有吸烟抽烟情形' },
  { key: 'drinking', label: '有饮酒情形' },
];

interface EditForm {
  name: string;
  age: string;
  phone: string;
  address: string;
  buildingType: string;
  floors: string;
  yearBuilt: string;
  helperName: string;
  helperType: number;
  helperPhone: string;
  flags: Record<FlagKey, boolean>;
}

function rowOf(e: ElderlyEntryView): Row {
  return {
    id: e.id,
    title: `${e.name}（${e.gender === 'male' ? '男' : '女'}，${e.age}岁）${e.villageName}`,
    detail: `${e.address} · 发现隐患${e.hazardsFound}处，整改${e.hazardsRectified}处 · 宣传${e.timesEducated}次`,
    helper: `帮扶人：${e.helper.name} ${e.helper.phone}`,
    warn: e.active && e.daysSinceContact >= 7 ? `已${e.daysSinceContact}天未联系` : '',
    active: e.active,
    inactive: e.active ? '' : `已销册（${cstTime(e.inactiveSince)}）：${e.inactiveReason ?? ''}`,
  };
}

function editFormOf(e: ElderlyEntryView): EditForm {
  return {
    name: e.name,
    age: String(e.age),
    phone: e.phone ?? '',
    address: e.address,
    buildingType: e.buildingType,
    floors: String(e.floors),
    yearBuilt: e.yearBuilt,
    helperName: e.helper.name,
    helperType: Math.max(
      0,
      HELPER_TYPES.findIndex((t) => t.value === e.helper.type),
    ),
    helperPhone: e.helper.phone,
    flags: {
      smokeDetector: e.devices.smokeDetector,
      alarmOrVideo: e.devices.alarmOrVideo,
      leakageProtection: e.devices.leakageProtection,
      gasShutoff: e.devices.gasShutoff,
      smoking: e.smoking,
      drinking: e.drinking,
    },
  };
}

/** the entries of the page on screen, for the fields the form does not show (helper account, other devices) */
let entries: ElderlyEntryView[] = [];
let addKey = '';

Component({
  behaviors: [largeTextBehavior, pagedListBehavior, formWriteBehavior],
  data: {
    rows: [] as Row[],
    canEdit: false,
    includeInactive: false,
    helperTypes: HELPER_TYPES.map((t) => t.label),
    flags: FLAGS,
    /** the row whose form is open, and which form */
    openId: '',
    mode: '' as '' | 'edit' | 'deactivate' | 'restore',
    edit: null as EditForm | null,
    reason: '',
    rowError: '',
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
  },

  methods: {
    async fetchPage(page: number) {
      return mapOk(await listElderly(page, this.data.includeInactive), (d) => {
        entries = d.items;
        return { rows: d.items.map(rowOf), total: d.total, canEdit: d.canEdit, openId: '', mode: '', edit: null, rowError: '' };
      });
    },

    onToggleInactive() {
      if (this.data.state === 'loading') return;
      this.setData({ includeInactive: !this.data.includeInactive });
      this.load(1);
    },

    onOpen(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { id: string; mode: 'edit' | 'deactivate' | 'restore' }
      >,
    ) {
      const { id, mode } = e.currentTarget.dataset;
      const entry = entries.find((x) => x.id === id);
      if (!entry || this.data.busy) return;
      if (this.data.openId === id && this.data.mode === mode) {
        this.setData({ openId: '', mode: '', edit: null, rowError: '' });
        return;
      }
      this.setData({ openId: id, mode, edit: mode === 'edit' ? editFormOf(entry) : null, reason: '', rowError: '' });
    },

    onEditInput(e: WechatMiniprogram.Input & { currentTarget: { dataset: { field: string } } }) {
      this.setData({ [`edit.${e.currentTarget.dataset.field}`]: e.detail.value, rowError: '' });
    },

    onEditHelperType(e: WechatMiniprogram.PickerChange) {
      this.setData({ 'edit.helperType': Number(e.detail.value) });
    },

    onToggleFlag(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: FlagKey }>) {
      const key = e.currentTarget.dataset.key;
      if (this.data.edit) this.setData({ [`edit.flags.${key}`]: !this.data.edit.flags[key] });
    },

    onReason(e: WechatMiniprogram.Input) {
      this.setData({ reason: e.detail.value, rowError: '' });
    },

    replaceRow(updated: ElderlyEntryView) {
      entries = entries.map((x) => (x.id === updated.id ? updated : x));
      const gone = !updated.active && !this.data.includeInactive;
      this.setData({
        rows: gone
          ? this.data.rows.filter((r) => r.id !== updated.id)
          : this.data.rows.map((r) => (r.id === updated.id ? rowOf(updated) : r)),
        total: gone ? this.data.total - 1 : this.data.total,
        openId: '',
        mode: '',
        edit: null,
        reason: '',
      });
    },

    onSaveEdit() {
      const f = this.data.edit;
      const entry = entries.find((x) => x.id === this.data.openId);
      if (!f || !entry) return;
      const request = {
        elderlyId: entry.id,
        name: f.name,
        age: num(f.age),
        phone: f.phone.trim() ? f.phone : null,
        address: f.address,
        buildingType: f.buildingType,
        floors: num(f.floors),
        yearBuilt: f.yearBuilt,
        smoking: f.flags.smoking,
        drinking: f.flags.drinking,
        helper: { name: f.helperName, type: HELPER_TYPES[f.helperType].value, phone: f.helperPhone, personId: entry.helper.personId },
        devices: {
          smokeDetector: f.flags.smokeDetector,
          alarmOrVideo: f.flags.alarmOrVideo,
          leakageProtection: f.flags.leakageProtection,
          gasShutoff: f.flags.gasShutoff,
          other: entry.devices.other,
        },
      };
      this.write(
        'rowError',
        () => updateElderly(request),
        (e) => this.replaceRow(e),
        '已保存',
      );
    },

    onSetActive() {
      const entry = entries.find((x) => x.id === this.data.openId);
      if (!entry) return;
      const reason = this.data.reason.trim();
      const active = this.data.mode === 'restore';
      if (reason.length < 2) {
        this.setData({ rowError: active ? '请写明恢复在册的原因' : '请写明销册原因（如：随子女居住、已去世）' });
        return;
      }
      this.write(
        'rowError',
        () => setElderlyActive(entry.id, active, reason),
        (e) => this.replaceRow(e),
        active ? '已恢复在册' : '已销册',
      );
    },

    onInput(e: WechatMiniprogram.Input & { currentTarget: { dataset: { field: string } } }) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, formError: '' });
    },

    onVillage(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      this.setData({ 'form.villageId': e.detail.id, formError: '' });
    },

    onHelperType(e: WechatMiniprogram.PickerChange) {
      this.setData({ 'form.helperType': Number(e.detail.value) });
    },

    async onSubmit() {
      const f = this.data.form;
      if (!f.villageId) {
        this.setData({ formError: '请选择村（社区）' });
        return;
      }
      const form: ElderlyForm = {
        villageId: f.villageId,
        name: f.name,
        gender: f.gender === 'male' ? 'male' : 'female',
        age: num(f.age),
        phone: f.phone.trim() ? f.phone : null,
        smoking: false,
        drinking: false,
        address: f.address,
        buildingType: f.buildingType,
        floors: num(f.floors),
        yearBuilt: f.yearBuilt,
        helper: { name: f.helperName, type: HELPER_TYPES[f.helperType].value, phone: f.helperPhone, personId: null },
        devices: { smokeDetector: false, alarmOrVideo: false, leakageProtection: false, gasShutoff: false, other: '' },
      };
      addKey = addKey || newIdempotencyKey();
      const added = await this.write(
        'formError',
        () => addElderly(form, addKey),
        () => this.load(this.data.page),
        '已登记',
      );
      if (added) addKey = '';
    },
  },
});
