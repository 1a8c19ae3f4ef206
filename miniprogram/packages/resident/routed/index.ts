// Reports routed to me (SPEC §6): for the village liaison, resident reports with no household visitor; for the
// office, those of villages with no liaison. Open ones first by deadline, 20 a page; verify rectified, or set a new
// deadline when it is not. The reporter is never shown (the server does not send it).
import type { Fail } from '../../../../typings/result';
import { failureText, showDone, showFailure } from '../../../services/feedback';
import { newIdempotencyKey } from '../../../services/outbox';
import { choosePhotos, MAX_PHOTOS, uploadPhotos, type LocalPhoto } from '../../../services/upload';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { cstDay, listRoutedReports, reportRow, verifyRoutedReport, type ReportRow } from '../services/reports';

type Dataset<T extends Record<string, unknown>> = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, T>;

interface VerifyForm {
  hazardId: string;
  key: string;
  rectified: boolean | null;
  newDeadline: string;
  photos: LocalPhoto[];
}

const emptyForm = (hazardId = ''): VerifyForm => ({ hazardId, key: '', rectified: null, newDeadline: '', photos: [] });

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    openOnly: true,
    /** the report a reminder opened this page for (?id=…): its form is opened once the list has it */
    openAfterLoad: '',
    rows: [] as ReportRow[],
    form: emptyForm(),
    errors: { rectified: '', newDeadline: '', photos: '', form: '' },
    submitting: false,
    today: cstDay(),
    maxPhotos: MAX_PHOTOS,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ openAfterLoad: query.id ?? '' });
      this.load(1);
    },

    async fetchPage(page: number) {
      const res = await listRoutedReports(page, this.data.openOnly);
      if (!res.ok) return res;
      const rows = res.data.items.map(reportRow);
      const openId = this.data.openAfterLoad;
      const form = openId && rows.some((r) => r.id === openId && r.open) ? emptyForm(openId) : emptyForm();
      return { ok: true as const, data: { rows, total: res.data.total, form, openAfterLoad: '', today: cstDay() } };
    },

    onToggleOpenOnly() {
      this.setData({ openOnly: !this.data.openOnly });
      this.load(1);
    },

    noErrors() {
      return { rectified: '', newDeadline: '', photos: '', form: '' };
    },

    onOpen(e: Dataset<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      this.setData({ form: this.data.form.hazardId === id ? emptyForm() : emptyForm(id), errors: this.noErrors() });
    },

    onRectified(e: Dataset<{ value: string }>) {
      this.setData({ 'form.rectified': e.currentTarget.dataset.value === 'yes', 'errors.rectified': '', 'errors.form': '' });
    },

    onDeadline(e: WechatMiniprogram.PickerChange) {
      this.setData({ 'form.newDeadline': String(e.detail.value), 'errors.newDeadline': '' });
    },

    async onAddPhotos() {
      const added = await choosePhotos(this.data.maxPhotos - this.data.form.photos.length);
      if (added.length)
        this.setData({ 'form.photos': [...this.data.form.photos, ...added].slice(0, this.data.maxPhotos), 'errors.photos': '' });
    },

    async onVerify() {
      if (this.data.submitting) return;
      const form: VerifyForm = { ...this.data.form, key: this.data.form.key || newIdempotencyKey() };
      const errors = this.noErrors();
      if (form.rectified === null) errors.rectified = '请选择是否已整改到位';
      if (form.rectified === false && !form.newDeadline) errors.newDeadline = '未整改到位的，请填写新的整改期限';
      if (errors.rectified || errors.newDeadline) {
        this.setData({ errors });
        return;
      }
      this.setData({ submitting: true, errors, form });
      const uploaded = await uploadPhotos(form.photos, 'resident/verify');
      if (uploaded.failed) {
        this.setData({
          submitting: false,
          'form.photos': uploaded.photos,
          'errors.photos': `${uploaded.failed} 张照片未能上传（网络不可用），请有网络时再提交`,
        });
        return;
      }
      const res = await verifyRoutedReport(
        {
          hazardId: form.hazardId,
          rectified: form.rectified!,
          photos: uploaded.photos.map((p) => p.fileId!),
          ...(form.rectified ? {} : { newDeadline: form.newDeadline }),
        },
        form.key,
      );
      if (!res.ok) {
        this.showRefusal(res, uploaded.photos);
        return;
      }
      this.setData({ submitting: false });
      showDone(res.data.status === 'verified' ? '已核实整改' : '已重新限期');
      await this.load(this.data.page);
    },

    showRefusal(fail: Fail, photos: LocalPhoto[]) {
      const field = (fail.field ?? '').split('.')[0];
      const known = field === 'rectified' || field === 'newDeadline' || field === 'photos';
      this.setData({ submitting: false, 'form.photos': photos, [`errors.${known ? field : 'form'}`]: failureText(fail) });
      if (!known) showFailure(fail);
    },
  },
});
