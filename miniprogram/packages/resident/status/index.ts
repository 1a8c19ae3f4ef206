// Follow a whistle-blower report by its receipt code (举报进度查询): works for anyone holding the code, bound or not,
// and shows only the status — nothing about who reported or who handles it.
import type { WhistleStatusView } from '../../../../typings/resident';
import { failureText } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { whistleStatus } from '../services/reports';

Component({
  behaviors: [largeTextBehavior],
  data: {
    receipt: '',
    receiptError: '',
    formError: '',
    loading: false,
    view: null as WhistleStatusView | null,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const receipt = decodeURIComponent(query.receipt ?? '');
      this.setData({ receipt });
      if (receipt) this.onQuery();
    },

    onReceipt(e: WechatMiniprogram.Input) {
      this.setData({ receipt: e.detail.value, receiptError: '', formError: '' });
    },

    async onQuery() {
      if (this.data.loading) return;
      const receipt = this.data.receipt.trim();
      if (!receipt) {
        this.setData({ receiptError: '请填写举报回执码', view: null });
        return;
      }
      this.setData({ loading: true, receiptError: '', formError: '' });
      const res = await whistleStatus(receipt);
      if (!res.ok) {
        // the refusal next to the code when it is about the code, otherwise under the button; the code stays
        this.setData({
          loading: false,
          view: null,
          ...(res.field === 'receipt' ? { receiptError: res.message } : { formError: failureText(res) }),
        });
        return;
      }
      this.setData({ loading: false, view: res.data });
    },
  },
});
