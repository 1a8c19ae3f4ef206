// A picker instead of a typed id: tap to open a list of big rows, tap one to choose it. With `kind` the choices come
// from the server (org.listChoices, the caller's scope) the first time it opens, so no page pays a call on load; with
// `choices` the page supplies them (a chosen campaign's periods). Emits `change` with { id, label, options }.
import type { ChoiceKind, ChoiceOption, ChoiceView } from '../../../typings/org';
import { loadChoices } from '../../services/choices';
import { failureText } from '../../services/feedback';
import { largeTextBehavior } from '../../behaviors/largeText';

type Choice = ChoiceOption & { options?: ChoiceOption[] };

Component({
  options: { addGlobalClass: true },
  behaviors: [largeTextBehavior],
  properties: {
    /** 'village' | 'campaign': fetched on first open; empty: the `options` below */
    kind: { type: String, value: '' },
    choices: { type: Array, value: [] },
    value: { type: String, value: '' },
    label: { type: String, value: '' },
    placeholder: { type: String, value: '请选择' },
  },
  data: {
    open: false,
    state: 'idle' as 'idle' | 'loading' | 'error' | 'ready',
    errorText: '',
    fetched: [] as ChoiceView[],
    list: [] as Choice[],
    chosen: '',
  },
  observers: {
    'kind, choices, fetched, value'(kind: string, choices: Choice[], fetched: ChoiceView[], value: string) {
      const list: Choice[] = kind ? fetched : choices;
      this.setData({ list, chosen: list.find((c) => c.id === value)?.label ?? '' });
    },
  },
  methods: {
    async onToggle() {
      if (this.data.open) {
        this.setData({ open: false });
        return;
      }
      this.setData({ open: true });
      if (this.data.kind && this.data.state !== 'ready' && this.data.state !== 'loading') await this.fetch();
    },

    async fetch() {
      this.setData({ state: 'loading', errorText: '' });
      const res = await loadChoices(this.data.kind as ChoiceKind);
      if (!res.ok) {
        this.setData({ state: 'error', errorText: failureText(res) });
        return;
      }
      this.setData({ state: 'ready', fetched: res.data.items });
    },

    onRetry() {
      this.fetch();
    },

    onPick(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      const c = this.data.list[Number(e.currentTarget.dataset.index)];
      if (!c) return;
      this.setData({ open: false });
      this.triggerEvent('change', { id: c.id, label: c.label, options: c.options ?? [] });
    },
  },
});
