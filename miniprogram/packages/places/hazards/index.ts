// 场所隐患: hazards found at places not yet verified, overdue first. Whoever follows the place up submits its
// rectification with photos (the place's owner sends them); the re-inspection verifies it. The township office refers a
// hazard at a high-risk place to the department that supervises it, with a deadline (镇街吹哨、部门报到).
import type { Department } from '../../../../typings/place';
import type { HazardRow } from '../services/places';
import { claimHazard, hazardRow, placeHazards, referHazard } from '../services/places';
import { choosePhotos, MAX_PHOTOS, uploadPhotos, type LocalPhoto } from '../../../services/upload';
import { newIdempotencyKey } from '../../../services/outbox';
import { photosNotUploaded } from '../../../components/evidence-capture/messages';
import { failureText, showDone } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { mapOk } from '../../../behaviors/loadState';
import { cstDay } from '../../../ui/cstFormat';

type Filter = 'open' | 'overdue';
type Dataset<T extends Record<string, unknown>> = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, T>;

interface Panel {
  hazardId: string;
  kind: 'claim' | 'refer' | '';
  photos: LocalPhoto[];
  /** the claim's idempotency key, made when the panel opens */
  key: string;
  departmentIndex: number;
  deadline: string;
  note: string;
  error: string;
  submitting: boolean;
}

const closed = (): Panel => ({
  hazardId: '',
  kind: '',
  photos: [],
  key: '',
  departmentIndex: 0,
  deadline: '',
  note: '',
  error: '',
  submitting: false,
});

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    filter: 'open' as Filter,
    rows: [] as HazardRow[],
    panel: closed(),
    departmentNames: [] as string[],
    today: cstDay(),
    maxPhotos: MAX_PHOTOS,
  },

  methods: {
    async fetchPage(page: number) {
      return mapOk(await placeHazards(page, this.data.filter), (d) => ({
        rows: d.items.map((h) => hazardRow(h, d.canRefer)),
        total: d.total,
        panel: closed(),
      }));
    },

    onFilter(e: Dataset<{ filter: Filter }>) {
      this.setData({ filter: e.currentTarget.dataset.filter });
      this.load(1);
    },

    row(id: string): HazardRow | undefined {
      return this.data.rows.find((r) => r.id === id);
    },

    onOpenClaim(e: Dataset<{ id: string }>) {
      this.setData({ panel: { ...closed(), hazardId: e.currentTarget.dataset.id, kind: 'claim', key: newIdempotencyKey() } });
    },

    onOpenRefer(e: Dataset<{ id: string }>) {
      const row = this.row(e.currentTarget.dataset.id);
      if (!row) return;
      this.setData({
        panel: { ...closed(), hazardId: row.id, kind: 'refer' },
        departmentNames: row.departments.map((d) => d.label),
      });
    },

    onCancel() {
      this.setData({ panel: closed() });
    },

    async onAddPhotos() {
      const added = await choosePhotos(MAX_PHOTOS - this.data.panel.photos.length);
      if (added.length) this.setData({ panel: { ...this.data.panel, photos: [...this.data.panel.photos, ...added], error: '' } });
    },

    async onSubmitClaim() {
      const panel = this.data.panel;
      if (panel.submitting) return;
      if (!panel.photos.length) {
        this.setData({ panel: { ...panel, error: '请拍摄或选择整改后的照片' } });
        return;
      }
      this.setData({ panel: { ...panel, submitting: true, error: '' } });
      const uploaded = await uploadPhotos(panel.photos, `place-hazards/${panel.hazardId}`);
      if (uploaded.failed) {
        this.setData({ panel: { ...panel, photos: uploaded.photos, submitting: false, error: photosNotUploaded(uploaded) } });
        return;
      }
      const res = await claimHazard(
        panel.hazardId,
        uploaded.photos.map((p) => p.fileId!),
        panel.key,
      );
      if (!res.ok) {
        this.setData({ panel: { ...panel, photos: uploaded.photos, submitting: false, error: failureText(res) } });
        return;
      }
      showDone('已提交整改情况');
      this.setData({
        panel: closed(),
        rows: this.data.rows.map((r) => (r.id === panel.hazardId ? { ...r, statusLabel: res.data.statusLabel, claimable: false } : r)),
      });
    },

    onDepartment(e: WechatMiniprogram.PickerChange) {
      this.setData({ panel: { ...this.data.panel, departmentIndex: Number(e.detail.value) } });
    },

    onReferDeadline(e: WechatMiniprogram.PickerChange) {
      this.setData({ panel: { ...this.data.panel, deadline: String(e.detail.value), error: '' } });
    },

    onReferNote(e: WechatMiniprogram.Input) {
      this.setData({ panel: { ...this.data.panel, note: e.detail.value } });
    },

    async onSubmitRefer() {
      const panel = this.data.panel;
      const row = this.row(panel.hazardId);
      if (!row || panel.submitting) return;
      if (!panel.deadline) {
        this.setData({ panel: { ...panel, error: '请选择部门报到（反馈）期限' } });
        return;
      }
      const department = row.departments[panel.departmentIndex]?.value as Department;
      this.setData({ panel: { ...panel, submitting: true, error: '' } });
      const res = await referHazard(panel.hazardId, department, panel.deadline, panel.note);
      if (!res.ok) {
        this.setData({ panel: { ...panel, submitting: false, error: failureText(res) } });
        return;
      }
      showDone(`已转${res.data.departmentLabel}`);
      this.setData({
        panel: closed(),
        rows: this.data.rows.map((r) => (r.id === row.id ? { ...r, referable: false, referred: true } : r)),
      });
    },
  },
});
