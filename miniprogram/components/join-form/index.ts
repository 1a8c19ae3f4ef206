// The join entry: invite code (typed or scanned) → org.acceptInvite; the server's refusal is shown under the field.
import { acceptInvite, inviteCodeFromScene, sceneFromPath } from '../../services/org/acceptInvite';
import { failureText, showDone } from '../../services/feedback';

Component({
  options: { addGlobalClass: true },

  properties: {
    /** prefilled from an invite QR's scene */
    initialCode: { type: String, value: '' },
    /** 适老化 mode of the page around it (page classes do not reach inside a component) */
    largeText: { type: Boolean, value: false },
  },

  data: {
    code: '',
    error: '',
    joining: false,
  },

  observers: {
    initialCode(code: string) {
      if (code) this.setData({ code, error: '' });
    },
  },

  methods: {
    onInput(e: WechatMiniprogram.Input) {
      this.setData({ code: e.detail.value, error: '' });
    },

    async onSubmit() {
      if (this.data.joining) return;
      const code = this.data.code.trim();
      if (!code) {
        this.setData({ error: '请输入邀请码' });
        return;
      }
      this.setData({ joining: true, error: '' });
      const res = await acceptInvite(code);
      if (!res.ok) {
        this.setData({ joining: false, error: failureText(res) });
        return;
      }
      this.setData({ joining: false });
      showDone('已加入');
      this.triggerEvent('joined', res.data);
    },

    onScan() {
      wx.scanCode({
        onlyFromCamera: true,
        success: (res) => {
          const scene = sceneFromPath(res.path);
          if (!scene) {
            this.setData({ error: '这不是邻里守望的邀请二维码' });
            return;
          }
          this.setData({ code: inviteCodeFromScene(scene) || scene, error: '' });
          this.onSubmit();
        },
      });
    },
  },
});
