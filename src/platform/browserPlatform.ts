// The plain web build: a hidden file input stands in for the native dialog; there is no menu.
import { fromFile, type Platform } from './platform';

export const IMAGE_ACCEPT = '.png,.jpg,.jpeg,.webp,image/png,image/jpeg,image/webp';

export function browserPlatform(): Platform {
  return {
    kind: 'web',
    pickImages: () =>
      new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.multiple = true;
        input.accept = IMAGE_ACCEPT;
        input.addEventListener('change', () => resolve(Array.from(input.files ?? [], fromFile)), { once: true });
        input.addEventListener('cancel', () => resolve([]), { once: true });
        input.click();
      }),
    onMenuCommand: () => () => {},
  };
}
