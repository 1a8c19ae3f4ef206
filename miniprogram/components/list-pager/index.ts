// 上一页 / 第 n / m 页 / 下一页 under a paged list; shown only when there is more than one page.
import { largeTextBehavior } from '../../behaviors/largeText';

Component({
  options: { addGlobalClass: true },
  behaviors: [largeTextBehavior],
  properties: {
    page: { type: Number, value: 1 },
    pages: { type: Number, value: 1 },
  },
  methods: {
    onPrev() {
      this.triggerEvent('prev');
    },
    onNext() {
      this.triggerEvent('next');
    },
  },
});
