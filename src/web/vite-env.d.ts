/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** True only in `vite --mode mock` (see vite.config.ts): the dashboard then talks to the server app running in the page. */
  readonly SWITCHBOARD_MOCK: boolean;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
