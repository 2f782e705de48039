// The page's own file chooser (a hidden <input type="file">). Electron shows it as a native
// dialog too, so documents such as claims CSV files need no extra IPC channel.
export function chooseFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    input.accept = accept;
    input.addEventListener('change', () => resolve(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => resolve([]), { once: true });
    input.click();
  });
}

/** Offers text to the user as a downloaded file (the browser or Electron asks where to save it). */
export function saveTextFile(fileName: string, text: string, mediaType: string): void {
  saveBlob(fileName, new Blob([text], { type: mediaType }));
}

export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
