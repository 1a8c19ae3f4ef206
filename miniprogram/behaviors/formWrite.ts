// One write from a form, the same on every page: busy while it runs (every button of the page waits), the function's
// own refusal next to the form it came from, then the answer applied and a short toast.
import type { Fail, Result } from '../../typings/result';
import { failureText, showDone } from '../services/feedback';

/** the data key of the error line, or a choice of it by the refusal (a form with several sections) */
type ErrorKey = string | ((fail: Fail) => string);

export const formWriteBehavior = Behavior({
  data: { busy: false },
  methods: {
    async write<T>(errorKey: ErrorKey, call: () => Promise<Result<T>>, apply: (data: T) => void, done: string): Promise<boolean> {
      if (this.data.busy) return false;
      this.setData(typeof errorKey === 'string' ? { busy: true, [errorKey]: '' } : { busy: true });
      const res = await call();
      if (!res.ok) {
        this.setData({ busy: false, [typeof errorKey === 'string' ? errorKey : errorKey(res)]: failureText(res) });
        return false;
      }
      this.setData({ busy: false });
      apply(res.data);
      showDone(done);
      return true;
    },
  },
});
