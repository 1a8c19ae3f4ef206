// Hazards I must verify (SPEC §6), overdue first: verified on a re-visit to the household, with a photo.
import type { HazardStatus, HazardView } from '../../../../typings/visit';
import { failureText, showDone } from '../../../services/feedback';
import { newIdempotencyKey } from '../../../services/outbox';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { okView } from '../../../behaviors/loadState';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { lastVisits } from '../services/draft';
import { cstDay } from '../../../ui/cstFormat';
import { choosePhotos, MAX_PHOTOS, uploadPhotos, type LocalPhoto } from '../../../services/upload';
import { hazardDuties, verifyHazard } from '../services/visits';

type Dataset<T extends Record<string, unknown>> = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, T>;

const STATUS: Record<HazardStatus, string> = {
  open: '待整改',
  rectificationClaimed: '农户称已整改',
  verified: '已核实整改',
  notRectified: '未整改到位',
};

interface Row {
  id: string;
  householdId: string;
  address: string;
  category: string;
  description: string;
  deadlineDay: string;
  status: string;
  overdue: boolean;
  /** the re-visit this hazard can be verified on, '' when none is recorded on this phone */
  revisitId: string;
}

interface VerifyPanel {
  hazardId: string;
  visitId: string;
  rectified: '' | 'yes' | 'no';
  newDeadline: string;
  photos: LocalPhoto[];
  error: string;
  key: string;
  submitting: boolean;
}

const closedPanel: VerifyPanel = {
  hazardId: '',
  visitId: '',
  rectified: '',
  newDeadline: '',
  photos: [],
  error: '',
  key: '',
  submitting: false,
};

function row(h: HazardView, visits: ReturnType<typeof lastVisits>): Row {
  const last = h.householdId ? visits[h.householdId] : undefined;
  const revisit = last && last.visitId !== h.visitId && new Date(last.at).getTime() > new Date(h.reportedAt).getTime() ? last.visitId : '';
  return {
    id: h.id,
    householdId: h.householdId ?? '',
    address: h.address,
    category: h.category,
    description: h.description,
    deadlineDay: h.deadlineDay,
    status: STATUS[h.status],
    overdue: h.overdue,
    revisitId: revisit,
  };
}

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    rows: [] as Row[],
    overdue: 0,
    panel: closedPanel,
    today: cstDay(),
    maxPhotos: MAX_PHOTOS,
  },

  methods: {
    async fetchPage(page: number) {
      this.setData({ panel: closedPanel });
      const res = await hazardDuties(page);
      if (!res.ok) return res;
      const visits = lastVisits();
      return okView({ rows: res.data.items.map((h) => row(h, visits)), total: res.data.total, overdue: res.data.overdue });
    },

    onRevisit(e: Dataset<{ id: string; address: string }>) {
      const { id, address } = e.currentTarget.dataset;
      wx.navigateTo({ url: `/packages/visitor/visit/index?householdId=${encodeURIComponent(id)}&address=${encodeURIComponent(address)}` });
    },

    onOpenVerify(e: Dataset<{ id: string; visit: string }>) {
      const { id, visit } = e.currentTarget.dataset;
      this.setData({ panel: { ...closedPanel, hazardId: id, visitId: visit, key: newIdempotencyKey() } });
    },

    onCancelVerify() {
      this.setData({ panel: closedPanel });
    },

    onRectified(e: Dataset<{ value: 'yes' | 'no' }>) {
      this.setData({ 'panel.rectified': e.currentTarget.dataset.value, 'panel.error': '' });
    },

    onNewDeadline(e: WechatMiniprogram.PickerChange) {
      this.setData({ 'panel.newDeadline': String(e.detail.value), 'panel.error': '' });
    },

    async onAddPhotos() {
      const added = await choosePhotos(MAX_PHOTOS - this.data.panel.photos.length);
      if (added.length) this.setData({ 'panel.photos': [...this.data.panel.photos, ...added].slice(0, MAX_PHOTOS), 'panel.error': '' });
    },

    async onSubmitVerify() {
      const p = this.data.panel;
      if (p.submitting) return;
      const missing = !p.rectified
        ? '请选择是否整改到位'
        : p.rectified === 'no' && !p.newDeadline
          ? '未整改到位的隐患须重新填写整改期限'
          : !p.photos.length
            ? '请上传复查照片'
            : '';
      if (missing) {
        this.setData({ 'panel.error': missing });
        return;
      }
      this.setData({ 'panel.submitting': true, 'panel.error': '' });
      const up = await uploadPhotos(p.photos, `hazards/${p.hazardId}`);
      if (up.failed) {
        this.setData({
          'panel.photos': up.photos,
          'panel.submitting': false,
          'panel.error': `${up.failed} 张照片未能上传，请有网络时重试`,
        });
        return;
      }
      const res = await verifyHazard(
        {
          hazardId: p.hazardId,
          visitId: p.visitId,
          rectified: p.rectified === 'yes',
          photos: up.photos.map((x) => x.fileId as string),
          ...(p.rectified === 'no' ? { newDeadline: p.newDeadline } : {}),
        },
        p.key,
      );
      if (!res.ok) {
        this.setData({ 'panel.photos': up.photos, 'panel.submitting': false, 'panel.error': failureText(res) });
        return;
      }
      showDone(res.data.status === 'verified' ? '已核实整改' : '已重新限期整改');
      this.load(this.data.page);
    },
  },
});
