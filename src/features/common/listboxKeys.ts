// Keyboard movement in a list of options (WAI-ARIA listbox pattern): the arrows step one row,
// Page Up and Page Down a page, Home and End go to the ends. Pure, so lists of any kind (even
// virtualized ones whose rows are not all in the page) share it.

/** The row a key moves the active row to, or null when the key does not move it. */
export function listboxStep(key: string, active: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(active + 1);
    case 'ArrowUp':
      return clamp(active - 1);
    case 'PageDown':
      return clamp(active + Math.max(1, pageRows));
    case 'PageUp':
      return clamp(active - Math.max(1, pageRows));
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * For a listbox whose options are all in the page and each focusable: moves the focus among
 * them with the keys above. Use as the listbox's onKeyDown.
 */
export function focusStepAmongOptions(e: React.KeyboardEvent<HTMLElement>): void {
  const options = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="option"]')];
  const to = listboxStep(e.key, options.indexOf(document.activeElement as HTMLElement), options.length, 10);
  if (to === null) return;
  e.preventDefault();
  options[to]!.focus();
}
