// Entry point of the worker that cuts a large image into its tile pyramid: a thin shell over cutTiles.
import type { TileRequest } from '../model/tilePyramid';
import { cutTiles, type TileMessage } from '../platform/cutTiles';

self.onmessage = (e: MessageEvent<TileRequest>) => {
  void cutTiles(e.data, (message: TileMessage) => self.postMessage(message));
};
