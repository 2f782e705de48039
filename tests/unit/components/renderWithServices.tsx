// Renders a component inside the app's service context, on a fresh in-memory database.
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createServices, ServicesProvider, type Services } from '../../../src/features/app/services';
import type { Platform } from '../../../src/platform/platform';
import { freshDatabase } from '../db/helpers';

/** A host with no files to pick or save; its database marker is never kept (components do not start sessions). */
export const nullPlatform: Platform = {
  kind: 'web',
  pickImages: async () => [],
  onMenuCommand: () => () => {},
  saveFile: async () => null,
  marker: { read: async () => null, write: async () => {} },
};

export function renderWithServices(ui: ReactNode, platform: Platform = nullPlatform): { services: Services } & ReturnType<typeof render> {
  const services = createServices(freshDatabase(), platform);
  return { services, ...render(<ServicesProvider services={services}>{ui}</ServicesProvider>) };
}
