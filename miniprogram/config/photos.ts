// How field photos are compressed on the phone before upload (issue 14): photos dominate the county's storage and
// traffic, and a rural 4G uplink. The longest side and JPEG quality are applied by services/upload.ts with
// wx.compressImage; a hazard photo stays legible (a socket, a wire, a gas hose) at 1280 px.
export const PHOTO_COMPRESSION = {
  longestSide: 1280,
  quality: 60,
  /** an assumption for the bill, not a measurement: a 1280 px JPEG at quality 60 of an indoor scene is typically 150–250 KB */
  assumedBytes: 200 * 1024,
  describe: '最长边 1280 像素，JPEG 质量 60（wx.compressImage）；每张按 200 KB 估算',
} as const;
