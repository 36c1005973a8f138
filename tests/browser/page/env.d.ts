// Vite's `?url` imports (what vite/client declares), for main-wasm-url.ts.
declare module '*?url' {
  const url: string;
  export default url;
}
