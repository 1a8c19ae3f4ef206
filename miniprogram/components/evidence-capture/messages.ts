// The evidence texts the forms share, so a report, a whistle-blow and a visit say the same thing the same way.
import { photosLostText, type UploadReport } from '../../services/upload';

export function photosNotUploaded(upload: Pick<UploadReport, 'failed' | 'lost'>): string {
  const waiting = upload.failed - upload.lost;
  const parts = [
    upload.lost ? `${photosLostText(upload.lost)}，请重新拍摄` : '',
    waiting ? `${waiting} 张照片未能上传（网络不可用），草稿已保存，有网络时请再次提交` : '',
  ];
  return parts.filter(Boolean).join('；');
}

export function locationFailed(note: string): string {
  return `未能获取位置，请在设置中允许使用位置信息${note ? `；${note}` : ''}`;
}
