/** Whether keys typed at `target` belong to a text field rather than to the app's shortcuts. */
export function isTextEntry(target: EventTarget | Element | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/**
 * Whether letters typed at `target` are text. Narrower than isTextEntry: a radio button or a
 * checkbox takes arrow keys but not letters, so letter shortcuts still work there.
 */
export function takesLetters(target: EventTarget | Element | null): boolean {
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return isTextEntry(target);
}
