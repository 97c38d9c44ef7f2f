/** The part of unzipper (the zip library exceljs reads with) the importer uses: the central directory. */
declare module 'unzipper' {
  export interface CentralDirectoryEntry {
    path: string;
    flags: number;
    compressionMethod: number;
    compressedSize: number;
    uncompressedSize: number;
    /** where the entry's local file header starts (zip64 extra fields applied) */
    offsetToLocalFileHeader: number;
  }
  const unzipper: { Open: { file(path: string): Promise<{ files: CentralDirectoryEntry[] }> } };
  export default unzipper;
}
