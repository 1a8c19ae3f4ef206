// ARCHITECTURE §5: lists are paged, at most 20 items a page; every list call and every pager uses this one size.
export const PAGE_SIZE = 20;
