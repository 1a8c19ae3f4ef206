// The fire-safety notice 告知书 (seed 001 附件1, its 13 items as the server holds them) and the electronic signature.
import { failureText, showDone, showFailure } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, okView } from '../../../behaviors/loadState';
import { acknowledgeNotice, loadNotice } from '../services/household';
import { cstDateTime } from '../../../ui/cstFormat';

Component({
  behaviors: [largeTextBehavior, loadStateBehavior],
  data: {
    title: '',
    source: '',
    version: '',
    items: [] as string[],
    acknowledgedText: '',
    submitting: false,
    submitError: '',
  },

  methods: {
    async fetchView() {
      const res = await loadNotice();
      if (!res.ok) return res;
      const n = res.data;
      return okView({
        title: n.title,
        source: n.source,
        version: n.version,
        items: n.items,
        acknowledgedText: n.acknowledgedAt ? `您已于${cstDateTime(n.acknowledgedAt)}签收本告知书` : '',
      });
    },

    async onAcknowledge() {
      if (this.data.submitting) return;
      this.setData({ submitting: true, submitError: '' });
      const res = await acknowledgeNotice(this.data.version);
      if (!res.ok) {
        this.setData({ submitting: false, submitError: failureText(res) });
        showFailure(res);
        return;
      }
      this.setData({ submitting: false, acknowledgedText: `您已于${cstDateTime(res.data.acknowledgedAt)}签收本告知书` });
      showDone('已签收');
    },
  },
});
