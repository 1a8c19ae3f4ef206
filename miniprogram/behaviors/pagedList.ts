// A paged list page: loading/error/ready state, retry, previous/next page, PAGE_SIZE items a page. The page supplies
// `fetchPage(page)`: a Result whose data has the list's `total`; every other key of it is set on the page as is.
import type { Result } from '../../typings/result';
import { PAGE_SIZE } from '../config/paging';
import { loadInto, type LoadState } from './loadState';

export interface PagedHost {
  fetchPage(page: number): Promise<Result<{ total: number }>>;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

export const pagedListBehavior = Behavior({
  data: { state: 'loading' as LoadState, errorText: '', page: 1, pages: 1, total: 0, hasMore: false },
  methods: {
    /** a page with a query of its own defines onLoad and calls load(1) itself */
    onLoad() {
      this.load(1);
    },

    load(page: number) {
      return loadInto(this, (this as unknown as PagedHost).fetchPage(page), ({ total, ...data }) => ({
        ...data,
        page,
        total,
        pages: pageCount(total),
        hasMore: page * PAGE_SIZE < total,
      }));
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
