// The renderer asks before closing while an import or export runs (its beforeunload handler,
// src/features/app/useLeaveGuard.ts). Electron then cancels the close silently unless main asks
// the user: this turns that request into a native question, and closes only on "Quit anyway".
import { dialog, type BrowserWindow } from 'electron';

export const UNLOAD_QUESTION = {
  type: 'warning',
  buttons: ['Keep working', 'Quit anyway'],
  defaultId: 0,
  cancelId: 0,
  title: 'An import or export is still running',
  message: 'An import or export is still running.',
  detail: 'If you quit now it stops: images not yet imported are not stored, and an unfinished export leaves no file. What was already saved is kept.',
} as const;

export function askBeforeUnload(win: BrowserWindow): void {
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, { ...UNLOAD_QUESTION, buttons: [...UNLOAD_QUESTION.buttons] });
    // preventDefault here overrides the page's beforeunload: the window closes.
    if (choice === 1) event.preventDefault();
  });
}
