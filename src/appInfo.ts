// The app's name and version, as written into every bundle's manifest.
export const APP_INFO = {
  name: 'Evidence Annotator',
  version: (import.meta.env.VITE_APP_VERSION as string | undefined) ?? '0.0.0-dev',
} as const;
