// WeChat's built-in components as the pages use them (view, text, button, input, textarea, picker, image, switch),
// registered with j-component under the tag names wcc emits (`wx-view`, …). miniprogram-simulate registers them as
// empty shells; here they behave: an input is a real text field (typing fires `input` with the value), a button
// reflects `disabled`/`type` for the WXSS, a picker opens a chooser, an image shows its picture, a switch toggles, and
// `hidden` hides. Tags not listed here render as plain elements, as in simulate.
type Json = Record<string, any>;

const hiddenProp = {
  hidden: {
    type: Boolean,
    value: false,
    observer(this: Json, v: boolean) {
      dom(this).toggleAttribute('hidden', !!v);
    },
  },
};

function dom(self: Json): HTMLElement {
  return self._exparserNode.$$ as HTMLElement;
}

function reflect(self: Json, name: string, value: unknown): void {
  const el = dom(self);
  if (!el) return;
  if (value === false || value === undefined || value === null || value === '') el.removeAttribute(name);
  else el.setAttribute(name, value === true ? 'true' : String(value));
}

/** The files a page shows: a temp path the camera gave is served by the runtime; http(s) links load as they are. */
export function imageUrl(src: string): string {
  const resolve = (window as any).__mpFileUrl as ((s: string) => string | undefined) | undefined;
  return resolve?.(src) ?? src;
}

function field(kind: 'input' | 'textarea'): Json {
  return {
    id: kind,
    tagName: `wx-${kind}`,
    template: '<slot/>',
    behaviors: ['wx://form-field'],
    properties: {
      ...hiddenProp,
      value: { type: String, value: '', observer: 'sync' },
      placeholder: { type: String, value: '', observer: 'sync' },
      type: { type: String, value: 'text', observer: 'sync' },
      password: { type: Boolean, value: false, observer: 'sync' },
      maxlength: { type: Number, value: 140, observer: 'sync' },
      disabled: { type: Boolean, value: false, observer: 'sync' },
      focus: { type: Boolean, value: false },
      autoHeight: { type: Boolean, value: false },
      confirmType: { type: String, value: 'done' },
    },
    lifetimes: {
      attached(this: Json) {
        const host = dom(this);
        const native = document.createElement(kind) as HTMLInputElement | HTMLTextAreaElement;
        native.className = `mp-native-${kind}`;
        host.appendChild(native);
        this.__native = native;
        this.sync();
        native.addEventListener('input', () => {
          this.__typed = native.value;
          this.triggerEvent('input', { value: native.value, cursor: native.selectionStart ?? native.value.length, keyCode: 0 });
        });
        native.addEventListener('focus', () => this.triggerEvent('focus', { value: native.value, height: 0 }));
        native.addEventListener('blur', () => this.triggerEvent('blur', { value: native.value, cursor: native.value.length }));
        native.addEventListener('keydown', (e: Event) => {
          if ((e as KeyboardEvent).key === 'Enter' && kind === 'input') this.triggerEvent('confirm', { value: native.value });
        });
      },
    },
    methods: {
      sync(this: Json) {
        const native = this.__native as HTMLInputElement | undefined;
        if (!native) return;
        const d = this.data as Json;
        const value = d.value ?? '';
        if (native.value !== String(value)) native.value = String(value);
        native.placeholder = d.placeholder ?? '';
        native.disabled = !!d.disabled;
        if (d.maxlength >= 0) native.maxLength = d.maxlength;
        if (kind === 'input') {
          (native as HTMLInputElement).type = d.password ? 'password' : 'text';
          native.inputMode = d.type === 'number' ? 'numeric' : d.type === 'digit' ? 'decimal' : 'text';
        }
        reflect(this, 'disabled', !!d.disabled);
      },
    },
  };
}

function button(): Json {
  return {
    id: 'button',
    tagName: 'wx-button',
    template: '<slot/>',
    properties: {
      ...hiddenProp,
      type: { type: String, value: 'default', observer: 'sync' },
      size: { type: String, value: 'default', observer: 'sync' },
      plain: { type: Boolean, value: false, observer: 'sync' },
      disabled: { type: Boolean, value: false, observer: 'sync' },
      loading: { type: Boolean, value: false, observer: 'sync' },
      formType: { type: String, value: '' },
      openType: { type: String, value: '' },
      hoverClass: { type: String, value: 'button-hover' },
    },
    lifetimes: {
      attached(this: Json) {
        dom(this).setAttribute('role', 'button');
        this.sync();
      },
    },
    methods: {
      sync(this: Json) {
        const d = this.data as Json;
        reflect(this, 'type', d.type);
        reflect(this, 'size', d.size === 'default' ? '' : d.size);
        reflect(this, 'plain', !!d.plain);
        reflect(this, 'disabled', !!d.disabled);
        reflect(this, 'loading', !!d.loading);
        dom(this)?.setAttribute('aria-disabled', String(!!d.disabled));
      },
    },
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The chooser a picker opens: a list for `selector`, the browser's own date/time field for `date`/`time`. */
function openChooser(self: Json): void {
  const d = self.data as Json;
  if (d.disabled) return;
  const layer = document.createElement('div');
  layer.className = 'mp-picker';
  const box = document.createElement('div');
  box.className = 'mp-picker-box';
  layer.appendChild(box);
  const close = () => layer.remove();
  const choose = (value: unknown) => {
    close();
    self.triggerEvent('change', { value });
  };
  const cancel = document.createElement('div');
  cancel.className = 'mp-picker-cancel';
  cancel.textContent = '取消';
  cancel.addEventListener('click', () => {
    close();
    self.triggerEvent('cancel', {});
  });
  if (d.mode === 'date' || d.mode === 'time') {
    const input = document.createElement('input');
    input.type = d.mode;
    input.className = 'mp-picker-native';
    const now = new Date();
    input.value = d.value || (d.mode === 'date' ? `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` : '09:00');
    if (d.start) input.min = d.start;
    if (d.end) input.max = d.end;
    const ok = document.createElement('div');
    ok.className = 'mp-picker-ok';
    ok.textContent = '确定';
    ok.addEventListener('click', () => choose(input.value));
    box.append(input, ok, cancel);
  } else {
    const range = (d.range ?? []) as unknown[];
    range.forEach((item, i) => {
      const row = document.createElement('div');
      row.className = 'mp-picker-option';
      row.textContent = String(d.rangeKey && item && typeof item === 'object' ? (item as Json)[d.rangeKey] : item);
      if (i === Number(d.value)) row.classList.add('mp-picker-selected');
      row.addEventListener('click', () => choose(i));
      box.appendChild(row);
    });
    box.appendChild(cancel);
  }
  document.body.appendChild(layer);
}

function picker(): Json {
  return {
    id: 'picker',
    tagName: 'wx-picker',
    template: '<slot/>',
    behaviors: ['wx://form-field'],
    properties: {
      ...hiddenProp,
      mode: { type: String, value: 'selector' },
      range: { type: Array, value: [] },
      rangeKey: { type: String, value: '' },
      value: { type: null, value: 0 },
      start: { type: String, value: '' },
      end: { type: String, value: '' },
      fields: { type: String, value: 'day' },
      disabled: { type: Boolean, value: false },
    },
    lifetimes: {
      attached(this: Json) {
        this._exparserNode.addListener('tap', () => openChooser(this));
      },
    },
  };
}

function image(): Json {
  return {
    id: 'image',
    tagName: 'wx-image',
    template: '<slot/>',
    properties: {
      ...hiddenProp,
      src: { type: String, value: '', observer: 'sync' },
      mode: { type: String, value: 'scaleToFill', observer: 'sync' },
      lazyLoad: { type: Boolean, value: false },
    },
    lifetimes: {
      attached(this: Json) {
        const img = document.createElement('img');
        img.className = 'mp-native-img';
        dom(this).appendChild(img);
        this.__img = img;
        img.addEventListener('load', () => this.triggerEvent('load', { width: img.naturalWidth, height: img.naturalHeight }));
        img.addEventListener('error', () => this.triggerEvent('error', { errMsg: `GET ${img.src} failed` }));
        this.sync();
      },
    },
    methods: {
      sync(this: Json) {
        const img = this.__img as HTMLImageElement | undefined;
        if (!img) return;
        const d = this.data as Json;
        const label = dom(this).getAttribute('aria-label');
        img.alt = label ?? '';
        if (d.src) img.src = imageUrl(d.src);
        else img.removeAttribute('src');
        reflect(this, 'mode', d.mode);
      },
    },
  };
}

function switchBox(): Json {
  return {
    id: 'switch',
    tagName: 'wx-switch',
    template: '<slot/>',
    behaviors: ['wx://form-field'],
    properties: {
      ...hiddenProp,
      checked: { type: Boolean, value: false, observer: 'sync' },
      disabled: { type: Boolean, value: false, observer: 'sync' },
      type: { type: String, value: 'switch' },
      color: { type: String, value: '#04BE02', observer: 'sync' },
    },
    lifetimes: {
      attached(this: Json) {
        const host = dom(this);
        host.setAttribute('role', 'switch');
        const knob = document.createElement('span');
        knob.className = 'mp-switch-track';
        host.appendChild(knob);
        this.__track = knob;
        this._exparserNode.addListener('tap', () => this.toggle());
        this.sync();
      },
    },
    methods: {
      toggle(this: Json) {
        const d = this.data as Json;
        if (d.disabled) return;
        this.setData({ checked: !d.checked });
        this.triggerEvent('change', { value: !d.checked });
      },
      sync(this: Json) {
        const track = this.__track as HTMLElement | undefined;
        if (!track) return;
        const d = this.data as Json;
        reflect(this, 'checked', !!d.checked);
        dom(this).setAttribute('aria-checked', String(!!d.checked));
        track.style.background = d.checked ? d.color : '';
        track.style.borderColor = d.checked ? d.color : '';
      },
    },
  };
}

function plain(name: string): Json {
  return { id: name, tagName: `wx-${name}`, template: '<slot/>', properties: { ...hiddenProp } };
}

export function registerBuiltins(jComponent: Json): void {
  const defs = [
    ...['view', 'text', 'scroll-view', 'label', 'form', 'navigator', 'icon', 'rich-text', 'progress'].map(plain),
    field('input'),
    field('textarea'),
    button(),
    picker(),
    image(),
    switchBox(),
  ];
  for (const def of defs) jComponent.register(def);
}
