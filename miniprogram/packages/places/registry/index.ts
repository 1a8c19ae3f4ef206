// 场所台账: the township's places with filters (village, type, listed units only), each village's listed-unit count,
// and the office's import of a place list from .xlsx — checked row by row first, imported all or nothing.
import type { ListPlacesRequest, PlaceType, PlaceView } from '../../../../typings/place';
import { importPlaces, listPlaces, previewImport } from '../services/places';
import { uploadPhotos } from '../../../services/upload';
import { newIdempotencyKey } from '../../../services/outbox';
import { failureText, showDone } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { mapOk } from '../../../behaviors/loadState';

interface PlaceRow {
  id: string;
  name: string;
  line: string;
  who: string;
  listed: string;
  high: boolean;
}

const row = (p: PlaceView): PlaceRow => ({
  id: p.id,
  name: p.name,
  line: `${p.villageName} · ${p.typeLabel} · ${p.address}`,
  who: `负责人 ${p.responsibleName} ${p.responsiblePhone ?? ''} · 监管：${p.authorityLabel}`,
  listed: p.listed ? `列管单位${p.listName ? `（${p.listName}）` : ''}` : '',
  high: p.riskGrade === 'high',
});

interface ImportState {
  fileId: string;
  key: string;
  summary: string;
  errors: string[];
  ready: boolean;
  busy: boolean;
}

const noImport = (): ImportState => ({ fileId: '', key: '', summary: '', errors: [], ready: false, busy: false });

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    rows: [] as PlaceRow[],
    counts: [] as string[],
    villageIds: [] as string[],
    villageNames: ['全部村（社区）'],
    villageIndex: 0,
    types: [] as PlaceType[],
    typeNames: ['全部类型'],
    typeIndex: 0,
    listedOnly: false,
    canImport: false,
    importing: noImport(),
    importError: '',
  },

  methods: {
    filters(): Omit<ListPlacesRequest, 'page' | 'pageSize'> {
      const { villageIds, villageIndex, types, typeIndex, listedOnly } = this.data;
      return {
        ...(villageIndex ? { villageId: villageIds[villageIndex - 1] } : {}),
        ...(typeIndex ? { type: types[typeIndex - 1] } : {}),
        ...(listedOnly ? { listed: true } : {}),
      };
    },

    async fetchPage(page: number) {
      const firstLoad = !this.data.types.length;
      return mapOk(await listPlaces(this.filters(), page), (d) => ({
        rows: d.items.map(row),
        total: d.total,
        canImport: d.canImport,
        counts: d.listedByVillage.map((v) => `${v.villageName}：场所 ${v.places} 处，其中列管单位 ${v.listed} 处`),
        ...(firstLoad
          ? {
              villageIds: d.listedByVillage.map((v) => v.villageId),
              villageNames: ['全部村（社区）', ...d.listedByVillage.map((v) => v.villageName)],
              types: d.typeOptions.map((t) => t.value),
              typeNames: ['全部类型', ...d.typeOptions.map((t) => t.label)],
            }
          : {}),
      }));
    },

    onVillage(e: WechatMiniprogram.PickerChange) {
      this.setData({ villageIndex: Number(e.detail.value) });
      this.load(1);
    },

    onType(e: WechatMiniprogram.PickerChange) {
      this.setData({ typeIndex: Number(e.detail.value) });
      this.load(1);
    },

    onListed() {
      this.setData({ listedOnly: !this.data.listedOnly });
      this.load(1);
    },

    onChooseFile() {
      wx.chooseMessageFile({
        count: 1,
        type: 'file',
        extension: ['xlsx'],
        success: (res) => this.check(res.tempFiles[0].path),
        fail: () => undefined,
      });
    },

    /** upload the file and let the server check every row; nothing is imported yet */
    async check(path: string) {
      this.setData({ importing: { ...noImport(), busy: true }, importError: '' });
      const uploaded = await uploadPhotos([{ path, fileId: null }], 'imports');
      const fileId = uploaded.photos[0].fileId;
      if (!fileId) {
        this.setData({ importing: noImport(), importError: '文件上传失败，请检查网络后重试' });
        return;
      }
      const res = await previewImport(fileId);
      if (!res.ok) {
        this.setData({ importing: noImport(), importError: failureText(res) });
        return;
      }
      const { rows, errors } = res.data;
      this.setData({
        importing: {
          fileId,
          key: newIdempotencyKey(),
          summary: errors.length ? `共 ${rows} 行，有 ${errors.length} 处错误，改正后重新选择文件` : `共 ${rows} 行，检查无误，可以导入`,
          errors: errors.slice(0, 20).map((e) => `第${e.row}行“${e.column}”：${e.message}`),
          ready: !errors.length,
          busy: false,
        },
      });
    },

    async onImport() {
      const importing = this.data.importing;
      if (!importing.ready || importing.busy) return;
      this.setData({ importing: { ...importing, busy: true } });
      const res = await importPlaces(importing.fileId, importing.key);
      if (!res.ok) {
        this.setData({ importing: { ...importing, busy: false }, importError: failureText(res) });
        return;
      }
      showDone(res.data.alreadyImported ? '该文件已导入过' : `已导入 ${res.data.imported} 个场所`);
      this.setData({ importing: noImport(), types: [] });
      this.load(1);
    },

    onCancelImport() {
      this.setData({ importing: noImport(), importError: '' });
    },
  },
});
