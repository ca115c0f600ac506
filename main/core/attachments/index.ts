// The attachments feature: encrypted file storage inside the vault (see service.ts).
export {
  abortUpload,
  addFromPath,
  appendChunk,
  beginUpload,
  commitUpload,
  deleteAttachment,
  getAttachment,
  listAttachments,
  readChunk,
  removeLeftoverUploads,
  saveCopy,
} from './service';
export { DOCX } from './media-type';
export { openAttachment, openedDir, openedFileName, removeOpenedCopies, type Platform } from './open';
