// @vitest-environment jsdom
// An undo pressed just after a drag undoes the drag's move, not the step before it.
import { cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { addImage } from '../../../src/db/images';
import { createServices, ServicesProvider } from '../../../src/features/app/services';
import { useAnnotateActions } from '../../../src/features/annotate/useAnnotateActions';
import { emptySource, type ImageRecord } from '../../../src/model/records';
import { createBoxes } from '../../../src/state/annotationCommands';
import { createCase } from '../../../src/state/documentCommands';
import { InOrder } from '../../../src/state/inOrder';
import { freshDatabase } from '../db/helpers';
import { nullPlatform } from './renderWithServices';

afterEach(cleanup);

describe('annotation actions', () => {
  it('run in the order they were asked for: Ctrl+Z right after a move undoes the move', async () => {
    const services = createServices(freshDatabase(), nullPlatform);
    const c = await createCase(services, 'case');
    const image: ImageRecord = {
      id: 'img', caseId: c.id, fileName: 'p.png', mediaType: 'image/png', byteLength: 1, width: 200, height: 100, sha256: 'e'.repeat(64),
      source: emptySource(), releasedAt: '', capturedAt: '', gsdMeters: null, notes: '', addedAt: '2026-01-01T00:00:00.000Z', addedBy: 'ana',
    };
    await addImage(services.db, image, new Blob([new Uint8Array([1])]), { thumbnail: new Blob([]), preview: null });
    const [box] = await createBoxes(services, image, [{ label: 'ship', geometry: { x: 10, y: 10, width: 20, height: 20, rotation: 0 } }]);
    services.session.getState().openCase(c.id);
    services.session.getState().openImage(image.id);
    const wrapper = ({ children }: { children: ReactNode }) => <ServicesProvider services={services}>{children}</ServicesProvider>;
    const { result } = renderHook(() => useAnnotateActions(), { wrapper });

    // Asked for together, as a drag's mouse-up and a Ctrl+Z a moment later.
    await Promise.all([result.current.move([box!.id], 30, 0), result.current.undo()]);

    expect((await services.db.annotations.get(box!.id))?.geometry.x).toBe(10);
    expect(services.history.getState()).toMatchObject({ undoLabel: 'Draw box', redoLabel: 'Move' });
  });

  it('InOrder starts each action once the ones before it have ended, failed or not', async () => {
    const order = new InOrder();
    const log: string[] = [];
    const slow = order.wrap(async (name: string) => {
      await new Promise((r) => setTimeout(r, 20));
      log.push(name);
      if (name === 'b') throw new Error('b failed');
    });
    const quick = order.wrap(async (name: string) => void log.push(name));
    await Promise.allSettled([slow('a'), slow('b'), quick('c')]);
    expect(log).toEqual(['a', 'b', 'c']);
  });
});
