// A paged list page: loading/error/ready state, retry, previous/next page, PAGE_SIZE items a page. The page supplies
// `fetchPage(page)`: a Result whose data has the list's `total`; every other key of it is set on the page as is.
import type { Result } from '../../typings/result';
import { PAGE_SIZE } from '../config/paging';
import { failureText } from '../services/feedback';

export type ListState = 'loading' | 'error' | 'ready';

export interface PagedHost {
  fetchPage(page: number): Promise<Result<{ total: number }>>;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

export const pagedListBehavior = Behavior({
  data: { state: 'loading' as ListState, errorText: '', page: 1, pages: 1, total: 0, hasMore: false },
  methods: {
    async load(page: number) {
      this.setData({ state: 'loading', errorText: '' });
      const res = await (this as unknown as PagedHost).fetchPage(page);
      if (!res.ok) {
        this.setData({ state: 'error', errorText: failureText(res) });
        return;
      }
      const { total, ...data } = res.data;
      this.setData({ ...data, state: 'ready', page, total, pages: pageCount(total), hasMore: page * PAGE_SIZE < total });
    },

    /** reload the page on show, e.g. after coming back from a form */
    reload() {
      return this.load(this.data.page);
    },

    onRetry() {
      this.load(this.data.page);
    },

    onPrev() {
      if (this.data.page > 1) this.load(this.data.page - 1);
    },

    onNext() {
      if (this.data.hasMore) this.load(this.data.page + 1);
    },
  },
});
