// The township notices 通报, 20 a page; tapping one opens its lines (who fell short, by how much).
import type { NoticeLine, NoticeRow } from '../services/notices';
import { listNotices, noticeLines, NOTICE_PAGE_SIZE } from '../services/notices';
import { failureText } from '../../../services/feedback';
import { isLargeText } from '../../../ui/largeText';

Component({
  data: {
    state: 'loading' as 'loading' | 'error' | 'ready',
    errorText: '',
    rows: [] as NoticeRow[],
    page: 1,
    hasMore: false,
    openId: '',
    lines: [] as NoticeLine[],
    linesError: '',
    linesLoading: false,
    largeText: false,
  },

  methods: {
    onLoad() {
      this.load(1);
    },

    onShow() {
      this.setData({ largeText: isLargeText() });
    },

    async load(page: number) {
      this.setData({ state: 'loading', errorText: '' });
      const res = await listNotices(page);
      if (!res.ok) {
        this.setData({ state: 'error', errorText: failureText(res) });
        return;
      }
      this.setData({ state: 'ready', rows: res.data.rows, page, hasMore: page * NOTICE_PAGE_SIZE < res.data.total, openId: '', lines: [] });
    },

    onRetry() {
      this.load(this.data.page);
    },

    onNextPage() {
      this.load(this.data.page + 1);
    },

    onPrevPage() {
      this.load(this.data.page - 1);
    },

    async onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (this.data.openId === id) {
        this.setData({ openId: '', lines: [], linesError: '' });
        return;
      }
      this.setData({ openId: id, lines: [], linesError: '', linesLoading: true });
      const res = await noticeLines(id);
      if (this.data.openId !== id) return;
      if (!res.ok) this.setData({ linesLoading: false, linesError: failureText(res) });
      else this.setData({ linesLoading: false, lines: res.data });
    },
  },
});
