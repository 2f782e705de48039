// Many files are ZIP archives underneath (Office documents, e-books, Google Earth files, zipped
// photos). When one is chosen as a bundle, the refusal says what it seems to be, from its entry
// names alone, so the analyst knows which file they picked and where it belongs instead.

const IMAGE_NAME = /\.(png|jpe?g|webp|tiff?|gif)$/i;

const KINDS: ReadonlyArray<{ says: string; matches(names: ReadonlySet<string>, all: readonly string[]): boolean }> = [
  { says: 'It looks like a Word document.', matches: (n) => n.has('word/document.xml') },
  { says: 'It looks like an Excel workbook.', matches: (n) => n.has('xl/workbook.xml') },
  { says: 'It looks like a PowerPoint presentation.', matches: (n) => n.has('ppt/presentation.xml') },
  { says: 'It looks like an EPUB e-book.', matches: (n) => n.has('mimetype') && n.has('META-INF/container.xml') },
  { says: 'It looks like an OpenDocument file (LibreOffice).', matches: (n) => n.has('mimetype') && n.has('content.xml') },
  { says: 'It looks like an Android app.', matches: (n) => n.has('AndroidManifest.xml') },
  { says: 'It looks like a Java archive.', matches: (n) => n.has('META-INF/MANIFEST.MF') },
  { says: 'It looks like a Google Earth (KMZ) file.', matches: (_, all) => all.some((name) => /\.kml$/i.test(name)) },
  { says: 'It looks like a zipped shapefile (GIS data).', matches: (_, all) => all.some((name) => /\.shp$/i.test(name)) },
  {
    says: 'It holds only images: unzip it and add them with "Import images".',
    matches: (_, all) => all.length > 0 && all.every((name) => IMAGE_NAME.test(name)),
  },
];

/** A sentence naming what a ZIP archive without manifest.json seems to be, from its files' names; '' if none of the known kinds. */
export function describeForeignZip(fileNames: readonly string[]): string {
  const names = new Set(fileNames);
  return KINDS.find((kind) => kind.matches(names, fileNames))?.says ?? '';
}
