// 明白卡 print sheets: A4 pages, two cards each, every card with its household's QR, as a PDF with the CJK font
// subset embedded (pdfkit + fontkit keep only the glyphs used, so a village's sheets stay small and print anywhere).
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { AppError } from './errors';
// required, not imported: the bundler then takes pdfkit's CommonJS build, which finds its data files from __filename
// (the ES build resolves them from import.meta.url, which a CommonJS bundle does not have)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PDFDocument = require('pdfkit') as typeof import('pdfkit');
import { CARD_KEY_RULES, CARD_SAN_GUAN, CARD_SAN_QING, CARD_TITLE } from '../domain/household/card';

/** Noto Sans SC (SIL OFL 1.1) from @embedpdf/fonts-sc; `npm run build` copies it beside the report function's bundle. */
export const CARD_FONT_FILE = 'NotoSansHans-Regular.otf';

let font: Buffer | null = null;

/** The font beside the bundle (deployed and under the emulator), else the npm package's (run from source). */
function cardFont(): Buffer {
  if (font) return font;
  const candidates = [
    join(__dirname, 'fonts', CARD_FONT_FILE),
    // run from source (scripts, unit tests): server/infra → the project's node_modules
    join(__dirname, '..', '..', 'node_modules', '@embedpdf', 'fonts-sc', 'fonts', CARD_FONT_FILE),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new AppError('CONFIG_MISSING', '打印字体缺失：请重新构建并部署 report 云函数（npm run build 会复制字体）');
  font = readFileSync(found);
  return font;
}

export interface PrintCard {
  address: string;
  /** "三江村 第1微网格 · 户主 夏光辉" */
  subtitle: string;
  visitors: { name: string; phone: string | null }[];
  leaders: string[];
  qr: Buffer;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 28;
const CARD_H = (A4.height - MARGIN * 3) / 2;
const CARD_W = A4.width - MARGIN * 2;
const QR_SIZE = 170;

function drawCard(doc: PDFKit.PDFDocument, card: PrintCard, top: number): void {
  const left = MARGIN;
  doc.lineWidth(1).roundedRect(left, top, CARD_W, CARD_H, 8).stroke('#333333');
  const pad = 16;
  const textW = CARD_W - QR_SIZE - pad * 3;
  let y = top + pad;
  doc
    .fillColor('#b71c1c')
    .fontSize(26)
    .text(CARD_TITLE, left + pad, y, { width: textW });
  y = doc.y + 6;
  doc
    .fillColor('#000000')
    .fontSize(21)
    .text(card.address, left + pad, y, { width: textW });
  y = doc.y + 2;
  doc
    .fontSize(12)
    .fillColor('#333333')
    .text(card.subtitle, left + pad, y, { width: textW });
  y = doc.y + 8;
  const visitors = card.visitors.length ? card.visitors.map((v) => `${v.name}${v.phone ? ` ${v.phone}` : ''}`).join('；') : '暂未安排';
  doc
    .fontSize(14)
    .fillColor('#000000')
    .text(`上门走访人：${visitors}`, left + pad, y, { width: textW });
  y = doc.y + 2;
  doc.text(`网格长：${card.leaders.length ? card.leaders.join('、') : '暂未设'}`, left + pad, y, { width: textW });
  y = doc.y + 6;
  doc
    .fillColor('#b71c1c')
    .fontSize(24)
    .text('火警电话 119', left + pad, y, { width: textW });
  y = doc.y + 6;
  doc
    .fillColor('#000000')
    .fontSize(14)
    .text(`${CARD_SAN_QING}  ${CARD_SAN_GUAN}`, left + pad, y, { width: textW });
  y = doc.y + 4;
  CARD_KEY_RULES.forEach((rule, i) => {
    doc.fontSize(13).text(`${i + 1}. ${rule}`, left + pad, y, { width: CARD_W - pad * 2 });
    y = doc.y + 1;
  });
  const qrLeft = left + CARD_W - pad - QR_SIZE;
  doc.image(card.qr, qrLeft, top + pad, { width: QR_SIZE, height: QR_SIZE });
  doc
    .fontSize(10)
    .fillColor('#333333')
    .text('走访人上门时请扫此码', qrLeft, top + pad + QR_SIZE + 4, { width: QR_SIZE, align: 'center' });
}

/** The sheets as one PDF: two cards to a page, a dashed cutting line between them. */
export async function writeCardSheets(title: string, cards: readonly PrintCard[]): Promise<Buffer> {
  const cjk = cardFont();
  // the font given as bytes (its types say string): no standard font is ever loaded, so the bundle needs none of
  // pdfkit's AFM files
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, font: cjk as unknown as string, autoFirstPage: false, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  cards.forEach((card, i) => {
    if (i % 2 === 0) doc.addPage();
    const top = MARGIN + (i % 2) * (CARD_H + MARGIN);
    drawCard(doc, card, top);
    if (i % 2 === 0 && i + 1 < cards.length)
      doc
        .moveTo(MARGIN, top + CARD_H + MARGIN / 2)
        .lineTo(A4.width - MARGIN, top + CARD_H + MARGIN / 2)
        .dash(4, { space: 4 })
        .stroke('#999999')
        .undash();
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
