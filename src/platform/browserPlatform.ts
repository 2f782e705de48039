// The plain web build: the page's file chooser stands in for the native dialog; there is no menu.
import { chooseFiles } from './fileChooser';
import { downloadSink } from './fileSink';
import { fromFile, type Platform } from './platform';

export const IMAGE_ACCEPT = '.png,.jpg,.jpeg,.webp,image/png,image/jpeg,image/webp';

export function browserPlatform(): Platform {
  return {
    kind: 'web',
    pickImages: async () => (await chooseFiles(IMAGE_ACCEPT, true)).map(fromFile),
    onMenuCommand: () => () => {},
    saveFile: async (name, mediaType) => downloadSink(name, mediaType),
  };
}
