// Evidence for a form: photos (take or pick, compressed; remove one) and the current location with its failure
// message. The page keeps both in its draft: every change comes back as a `change` event with the new value, and
// the page uploads the photos (services/upload) when it submits. The default slot sits in the location card.
import type { LocalPhoto } from '../../services/upload';
import { choosePhotos, MAX_PHOTOS } from '../../services/upload';
import { largeTextBehavior } from '../../behaviors/largeText';
import { locationFailed } from './messages';

type Dataset<T extends Record<string, unknown>> = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, T>;

Component({
  options: { addGlobalClass: true },
  behaviors: [largeTextBehavior],
  properties: {
    photos: { type: Array, value: [] },
    maxPhotos: { type: Number, value: MAX_PHOTOS },
    photoTitle: { type: String, value: '照片' },
    /** photos may be left out */
    optional: { type: Boolean, value: true },
    /** shown under the photos, e.g. an upload that failed or the server's refusal */
    photoError: { type: String, value: '' },
    /** false: photos only (e.g. a signed record's scans), no location card */
    showLocation: { type: Boolean, value: true },
    location: { type: Object, value: null },
    locationTitle: { type: String, value: '位置（可选）' },
    /** added to the failure message, e.g. 不填位置也可以上报 */
    locationNote: { type: String, value: '' },
    /** the server's refusal of the location */
    locationError: { type: String, value: '' },
  },
  data: {
    locateFailure: '',
  },
  methods: {
    async onAddPhotos() {
      const photos = this.data.photos as LocalPhoto[];
      const added = await choosePhotos(this.data.maxPhotos - photos.length);
      if (added.length)
        this.triggerEvent('change', { photos: [...(this.data.photos as LocalPhoto[]), ...added].slice(0, this.data.maxPhotos) });
    },

    onRemovePhoto(e: Dataset<{ index: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      this.triggerEvent('change', { photos: (this.data.photos as LocalPhoto[]).filter((_, i) => i !== index) });
    },

    onLocate() {
      wx.getLocation({
        type: 'gcj02',
        success: (res) => {
          this.setData({ locateFailure: '' });
          this.triggerEvent('change', { location: { latitude: res.latitude, longitude: res.longitude } });
        },
        fail: () => this.setData({ locateFailure: locationFailed(this.data.locationNote) }),
      });
    },

    onClearLocation() {
      this.triggerEvent('change', { location: null });
    },
  },
});
