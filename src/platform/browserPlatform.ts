// The plain web build: the page's file chooser stands in for the native dialog; there is no menu;
// the database marker lives in localStorage, which the browser keeps apart from IndexedDB.
import { chooseFiles } from './fileChooser';
import { downloadSink } from './fileSink';
import { fromFile, type MarkerStore, type Platform } from './platform';

export const IMAGE_ACCEPT = '.png,.jpg,.jpeg,.webp,image/png,image/jpeg,image/webp';

const MARKER_KEY = 'evidence-annotator.database-marker';

const localMarker: MarkerStore = {
  read: async () => localStorage.getItem(MARKER_KEY),
  write: async (text) => localStorage.setItem(MARKER_KEY, text),
};

export function browserPlatform(): Platform {
  return {
    kind: 'web',
    pickImages: async () => (await chooseFiles(IMAGE_ACCEPT, true)).map(fromFile),
    onMenuCommand: () => () => {},
    saveFile: async (name, mediaType) => downloadSink(name, mediaType),
    marker: localMarker,
  };
}
