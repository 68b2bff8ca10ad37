export * from './file-storage.port';
export { FsFileStorage } from './fs-file-storage';
export { ALLOWED_MEDIA_TYPES, detectFileMediaType, detectMediaType, type Detected } from './media-type';
export { fileReferencesOf, forEachEvent, type FileReference } from './file-references';
export { verifyReferencedFiles, type FileProblem, type FilesReport } from './verify-files';
export { removeUnreferencedFiles, UNREFERENCED_TTL_MS } from './remove-unreferenced';
export { openFileStorage, filesRoot } from './open-file-storage';
