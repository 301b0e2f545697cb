// Vite build of the haiguan console. The output (dist/) is compiled into the binary by
// tools/embed_assets.py, which requires every file under assets/ to be named NAME.HASH.ext
// (content hash: served with a one-year immutable cache) and serves index.html uncached.
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The server's CSP is default-src 'self': an image written into CSS as a data: URI (Element
// Plus has a few, e.g. the tick of a multiple select) would be blocked. This moves each one into
// a content-hashed file of its own and points the CSS at it.
const DATA_URL = /url\(\s*(?:"(data:[^"]*)"|'(data:[^']*)'|(data:[^)'"\s]*))\s*\)/g
const DATA_EXT = { 'image/svg+xml': 'svg', 'image/png': 'png', 'image/jpeg': 'jpg', 'font/woff2': 'woff2', 'font/woff': 'woff' }

function dataUrisToFiles() {
  return {
    name: 'haiguan-data-uris-to-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue
        const css = String(file.source)
        file.source = css.replace(DATA_URL, (whole, a, b, c) => {
          const uri = a || b || c
          const m = /^data:([^;,]+)((?:;[^;,]*)*),(.*)$/s.exec(uri)
          const ext = m && DATA_EXT[m[1]]
          if (!ext) this.error(`${file.fileName}: cannot move ${uri.slice(0, 40)}… to a file`)
          const body = /;base64/.test(m[2]) ? Buffer.from(m[3], 'base64') : Buffer.from(decodeURIComponent(m[3]))
          const ref = this.emitFile({ type: 'asset', name: `inline.${ext}`, source: body })
          return `url("/${this.getFileName(ref)}")`
        })
      }
    },
  }
}

export default defineConfig({
  base: '/',
  // Element Plus per component: each page's chunk imports the components (and their CSS) its
  // templates use, so the sign-in page does not load the whole library. No .d.ts is written.
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }), dataUrisToFiles()],
  define: {
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_JIT_COMPILATION__: 'true',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    // CSP default-src 'self': no data: URIs, every image and font is a file of its own
    assetsInlineLimit: 0,
    // no inline polyfill script; every browser we support has modulepreload
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    rollupOptions: {
      output: {
        entryFileNames: 'assets/[name].[hash].js',
        chunkFileNames: 'assets/[name].[hash].js',
        assetFileNames: 'assets/[name].[hash][extname]',
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          // Vue and its router and i18n, which every page needs, in one long-cached file; the rest
          // (Element Plus components) goes with the pages that use them
          if (/node_modules\/(vue|@vue|vue-router|vue-i18n|@intlify)\//.test(id)) return 'vendor'
        },
      },
    },
  },
})
