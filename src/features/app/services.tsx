// The app's long-lived objects, made once and handed down by context: the database, the
// command history, the session store, the host platform, the maker of tile pyramids and the
// imports and exports under way.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { EvidenceDatabase } from '../../db/database';
import type { Platform } from '../../platform/platform';
import type { CommandContext } from '../../state/annotationCommands';
import { History } from '../../state/history';
import { createSessionStore, type Session, type SessionStore } from '../../state/session';
import { TileMaker } from '../../state/tileMaker';
import { UnfinishedWork } from '../../state/unfinishedWork';
import { cutTilesInWorker } from '../../workers';

export interface Services extends CommandContext {
  session: SessionStore;
  platform: Platform;
  /** Makes the tile pyramids of large images in the background. */
  tiles: TileMaker;
  /** Imports and exports under way, which closing the window would cut short. */
  work: UnfinishedWork;
}

export function createServices(db: EvidenceDatabase, platform: Platform): Services {
  const session = createSessionStore();
  const author = () => session.getState().analystName || 'unknown analyst';
  return { db, platform, session, author, history: new History(db, author), tiles: new TileMaker(db, cutTilesInWorker), work: new UnfinishedWork() };
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}

/** Reads one slice of the session store. */
export function useSession<T>(pick: (s: Session) => T): T {
  return useServices().session(pick);
}

export function useHistoryState() {
  const { history } = useServices();
  return useSyncExternalStore(history.subscribe, history.getState);
}
