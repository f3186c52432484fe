/** Set by electron-vite when it builds the shell: true in a production build, packaged or not. */
interface ImportMetaEnv {
  readonly PROD: boolean
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
