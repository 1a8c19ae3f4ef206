// The fire-safety notice 告知书 (seed 001 附件1, its 13 items as the server holds them) and the electronic signature.
import { failureText, showDone, showFailure } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { acknowledgeNotice, loadNotice } from '../services/household';
import { cstDateTime } from '../../../ui/cstFormat';

type State = 'loading' | 'error' | 'ready';

Component({
  behaviors: [largeTextBehavior],
  data: {
    state: 'loading' as State,
    errorText: '',
    title: '',
    source: '',
    version: '',
    items: [] as string[],
    acknowledgedText: '',
    submitting: false,
    submitError: '',
  },

  methods: {
    onLoad() {
      this.load();
    },

    async load() {
      this.setData({ state: 'loading', errorText: '' });
      const res = await loadNotice();
      if (!res.ok) {
        this.setData({ state: 'error', errorText: failureText(res) });
        return;
      }
      const n = res.data;
      this.setData({
        state: 'ready',
        title: n.title,
        source: n.source,
        version: n.version,
        items: n.items,
        acknowledgedText: n.acknowledgedAt ? `您已于${cstDateTime(n.acknowledgedAt)}签收本告知书` : '',
      });
    },

    onRetry() {
      this.load();
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
