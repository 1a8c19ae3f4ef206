// 打印明白卡: the knock-action cards of a micro-grid or of the whole village as an A4 PDF (two cards a page, each with
// its household's QR), made by the report function; the phone downloads it and opens it to print or forward.
import type { CardSheetsDone } from '../../../../../typings/report';
import type { Result } from '../../../../../typings/result';
import { callCloud } from '../../../../services/callCloud';
import { failureText } from '../../../../services/feedback';

const OPEN_FAILED = 'PDF已生成，但手机未能打开：链接已复制，可在电脑浏览器打开后打印';

/** each card's QR is one call to WeChat: a village's sheets take longer than an ordinary call (the function may run 60 s) */
const PRINT_TIMEOUT_MS = 60_000;

function printSheets(scope: { gridId?: string; villageId?: string }): Promise<Result<CardSheetsDone>> {
  return callCloud('report', 'exportCardSheets', scope, { timeoutMs: PRINT_TIMEOUT_MS });
}

Component({
  options: { addGlobalClass: true },
  properties: {
    /** one of the two: a micro-grid, or the whole village */
    gridId: { type: String, value: '' },
    villageId: { type: String, value: '' },
    label: { type: String, value: '打印本村全部农户的明白卡' },
  },
  data: { busy: false, error: '', done: '', link: '' },
  methods: {
    async onPrint() {
      if (this.data.busy) return;
      const scope = this.data.gridId ? { gridId: this.data.gridId } : { villageId: this.data.villageId };
      this.setData({ busy: true, error: '', done: '', link: '' });
      const res = await printSheets(scope);
      if (!res.ok) {
        this.setData({ busy: false, error: failureText(res) });
        return;
      }
      const pages = Math.ceil(res.data.rows / 2);
      this.setData({
        busy: false,
        link: res.data.url,
        done: `已生成 ${res.data.rows} 户的明白卡，共 ${pages} 页A4（每页2张，沿虚线裁开）`,
      });
      wx.setClipboardData({ data: res.data.url });
      wx.downloadFile({
        url: res.data.url,
        success: (file) => {
          if (file.statusCode !== 200) {
            this.setData({ error: OPEN_FAILED });
            return;
          }
          wx.openDocument({
            filePath: file.tempFilePath,
            fileType: 'pdf',
            showMenu: true,
            fail: () => this.setData({ error: OPEN_FAILED }),
          });
        },
        fail: () => this.setData({ error: OPEN_FAILED }),
      });
    },
  },
});
