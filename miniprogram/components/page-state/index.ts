// The loading / error (with 重试) / empty box of a page; the page keeps its content under `state === 'ready'`.
import { largeTextBehavior } from '../../behaviors/largeText';

Component({
  options: { addGlobalClass: true },
  behaviors: [largeTextBehavior],
  properties: {
    state: { type: String, value: 'loading' },
    errorText: { type: String, value: '' },
    loadingText: { type: String, value: '正在加载…' },
    /** shown when ready and `empty` is set */
    empty: { type: Boolean, value: false },
    emptyText: { type: String, value: '' },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
  },
});
