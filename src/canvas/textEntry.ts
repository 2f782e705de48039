/** Whether keys typed at `target` belong to a text field rather than to the app's shortcuts. */
export function isTextEntry(target: EventTarget | Element | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
