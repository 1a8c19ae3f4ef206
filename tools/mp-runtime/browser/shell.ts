// The phone's chrome around the pages: WeChat's navigation bar (title, back arrow), the page container, and the native
// toast, loading and modal layers. Styles are in ./base.css.
type Json = Record<string, any>;

export interface ModalOptions {
  title?: string;
  content?: string;
  showCancel?: boolean;
  cancelText?: string;
  confirmText?: string;
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;
let modalAnswer: ((confirm: boolean) => void) | null = null;

function el(tag: string, cls: string, parent?: HTMLElement): HTMLElement {
  const e = document.createElement(tag);
  e.className = cls;
  parent?.appendChild(e);
  return e;
}

export const shell = {
  pages: null as unknown as HTMLElement,
  nav: null as unknown as HTMLElement,
  title: null as unknown as HTMLElement,
  back: null as unknown as HTMLElement,
  toast: null as unknown as HTMLElement,
  modal: null as unknown as HTMLElement,

  mount(windowConfig: Json, onBack: () => void): void {
    this.nav = el('div', 'mp-nav', document.body);
    this.nav.style.background = String(windowConfig.navigationBarBackgroundColor ?? '#000000');
    this.nav.style.color = windowConfig.navigationBarTextStyle === 'black' ? '#000000' : '#FFFFFF';
    this.back = el('div', 'mp-nav-back', this.nav);
    this.back.textContent = '‹';
    this.back.setAttribute('role', 'button');
    this.back.setAttribute('aria-label', '返回');
    this.back.addEventListener('click', onBack);
    this.title = el('div', 'mp-nav-title', this.nav);
    this.pages = el('div', 'mp-pages', document.body);
    this.toast = el('div', 'mp-toast', document.body);
    this.modal = el('div', 'mp-modal', document.body);
  },

  setTitle(title: string): void {
    this.title.textContent = title;
    document.title = title;
  },

  setBack(visible: boolean): void {
    this.back.style.visibility = visible ? 'visible' : 'hidden';
  },

  showToast(title: string, icon: string, durationMs: number, mask: boolean): void {
    if (toastTimer) clearTimeout(toastTimer);
    this.toast.innerHTML = '';
    if (icon === 'success' || icon === 'error' || icon === 'loading') el('div', `mp-toast-icon mp-toast-${icon}`, this.toast);
    el('div', 'mp-toast-text', this.toast).textContent = title;
    this.toast.classList.toggle('mp-toast-with-icon', icon !== 'none');
    this.toast.classList.toggle('mp-mask', mask);
    this.toast.style.display = 'flex';
    toastTimer = durationMs > 0 ? setTimeout(() => this.hideToast(), durationMs) : undefined;
  },

  hideToast(): void {
    if (toastTimer) clearTimeout(toastTimer);
    toastTimer = undefined;
    this.toast.style.display = 'none';
  },

  toastText(): string | null {
    return this.toast.style.display === 'flex' ? (this.toast.textContent ?? '') : null;
  },

  /** Resolves with the button the user taps (or the automation's native().confirmModal / cancelModal). */
  showModal(o: ModalOptions): Promise<boolean> {
    this.modal.innerHTML = '';
    const box = el('div', 'mp-modal-box', this.modal);
    box.setAttribute('role', 'dialog');
    if (o.title) el('div', 'mp-modal-title', box).textContent = o.title;
    if (o.content) el('div', 'mp-modal-content', box).textContent = o.content;
    const buttons = el('div', 'mp-modal-buttons', box);
    const answer = (confirm: boolean) => {
      this.modal.style.display = 'none';
      const done = modalAnswer;
      modalAnswer = null;
      done?.(confirm);
    };
    if (o.showCancel !== false) {
      const cancel = el('div', 'mp-modal-cancel', buttons);
      cancel.textContent = o.cancelText ?? '取消';
      cancel.setAttribute('role', 'button');
      cancel.addEventListener('click', () => answer(false));
    }
    const ok = el('div', 'mp-modal-confirm', buttons);
    ok.textContent = o.confirmText ?? '确定';
    ok.setAttribute('role', 'button');
    ok.addEventListener('click', () => answer(true));
    this.modal.style.display = 'flex';
    return new Promise((resolve) => {
      modalAnswer = resolve;
    });
  },

  modalOpen(): boolean {
    return modalAnswer !== null;
  },

  answerModal(confirm: boolean): boolean {
    const btn = this.modal.querySelector(confirm ? '.mp-modal-confirm' : '.mp-modal-cancel') as HTMLElement | null;
    if (!modalAnswer || !btn) return false;
    btn.click();
    return true;
  },
};
