// Requests from toolbar, keys and menu to the open canvas's view (it owns the viewport).
export type ViewRequest = 'zoom-in' | 'zoom-out' | 'zoom-fit' | 'zoom-actual';

type Listener = (request: ViewRequest) => void;
const listeners = new Set<Listener>();

export function requestView(request: ViewRequest): void {
  for (const l of listeners) l(request);
}

export function onViewRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
