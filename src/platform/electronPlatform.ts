// Inside Electron: native dialogs through window.evidence; picked files' bytes are fetched from
// the app:// protocol by opaque token (big bytes never ride IPC).
import type { EvidenceBridge } from './contract';
import { electronSink } from './fileSink';
import type { Platform } from './platform';

export function electronPlatform(bridge: EvidenceBridge): Platform {
  return {
    kind: 'electron',
    async pickImages() {
      const result = await bridge.pickImages();
      if (!result.ok) throw new Error(result.error);
      return result.value.map((picked) => ({
        name: picked.name,
        size: picked.size,
        read: async () => {
          const response = await fetch(picked.url);
          if (!response.ok) throw new Error(`could not read ${picked.name} (${response.status})`);
          return response.blob();
        },
      }));
    },
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    saveFile: (name) => electronSink(bridge, name),
    marker: {
      async read() {
        const result = await bridge.readMarker();
        if (!result.ok) throw new Error(result.error);
        return result.value;
      },
      async write(text) {
        const result = await bridge.writeMarker(text);
        if (!result.ok) throw new Error(result.error);
      },
    },
  };
}

export function currentPlatform(browser: () => Platform): Platform {
  return window.evidence ? electronPlatform(window.evidence) : browser();
}
