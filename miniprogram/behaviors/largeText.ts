// 适老化: every page puts `largeText` on its root view; read when the page appears and again each time it is shown.
import { isLargeText } from '../ui/largeText';

export const largeTextBehavior = Behavior({
  data: { largeText: false },
  lifetimes: {
    attached() {
      this.setData({ largeText: isLargeText() });
    },
  },
  pageLifetimes: {
    show() {
      this.setData({ largeText: isLargeText() });
    },
  },
});
