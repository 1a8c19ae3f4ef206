// A page that loads one view: loading/error/ready state and 重试. The page supplies `fetchView()`: a Result whose data
// keys are set on the page when it is ready; a refusal shows the function's own message with a retry.
import type { Fail, Ok, Result } from '../../typings/result';
import { failureText } from '../services/feedback';

export type LoadState = 'loading' | 'error' | 'ready';

export interface ViewHost {
  fetchView(): Promise<Result<object>>;
}

interface StateSetter {
  setData(data: Record<string, unknown>): void;
}

export function okView<T extends object>(data: T): Ok<T> {
  return { ok: true, data };
}

/** The view of an answer: its data shaped for the page, or the refusal as it came. */
export function mapOk<T, V extends object>(res: Result<T>, view: (data: T) => V): Result<V> {
  return res.ok ? okView(view(res.data)) : res;
}

/** Show the loading box, await the fetch, then either its data with `state: 'ready'` or its refusal. */
export async function loadInto<T extends object>(
  page: StateSetter,
  fetch: Promise<Result<T>>,
  ready: (data: T) => Record<string, unknown>,
): Promise<Fail | null> {
  page.setData({ state: 'loading', errorText: '' });
  const res = await fetch;
  if (!res.ok) {
    page.setData({ state: 'error', errorText: failureText(res) });
    return res;
  }
  page.setData({ ...ready(res.data), state: 'ready' });
  return null;
}

export const loadStateBehavior = Behavior({
  data: { state: 'loading' as LoadState, errorText: '' },
  methods: {
    /** a page with a query of its own defines onLoad and calls load() itself */
    onLoad() {
      this.load();
    },

    load() {
      return loadInto(this, (this as unknown as ViewHost).fetchView(), (data) => ({ ...data }));
    },

    onRetry() {
      this.load();
    },
  },
});
