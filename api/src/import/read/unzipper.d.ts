/** The part of unzipper (the zip library exceljs reads with) the importer uses: the central directory. */
declare module 'unzipper' {
  interface CentralDirectoryEntry {
    path: string;
    compressedSize: number;
    uncompressedSize: number;
    stream(): NodeJS.ReadableStream;
  }
  const unzipper: { Open: { file(path: string): Promise<{ files: CentralDirectoryEntry[] }> } };
  export default unzipper;
}
