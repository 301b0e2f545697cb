// useExport.js — the CSV export button of a list page (docs/api/lists.md): POSTs the list's
// filters, search and sort to its export route, saves the file the server names, and says
// whether it worked. params() gives the current filters at the moment of the click.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { download } from '../api.js'

export function useExport(path, params) {
  const { t } = useI18n()
  const exporting = ref(false)
  async function exportCsv() {
    exporting.value = true
    try {
      await download(path, params())
      ElMessage.success(t('list.exported'))
    } catch (e) {
      ElMessage.error(`${t('list.exportFailed')}: ${e.message}`)
    } finally {
      exporting.value = false
    }
  }
  return { exporting, exportCsv }
}
