// useParties.js — a declaration's parties by name, not code (issue 16): the API's `parties`
// (GET /declarations and /declarations/{entry_no}) maps each USCC to its registry names; the
// name follows the console's language (the English name when there is one), and the code stays
// on hover. An unregistered party shows its code.
import { useI18n } from 'vue-i18n'

export function useParties() {
  const { locale } = useI18n()
  function partyName(decl, uscc) {
    const p = uscc && decl && decl.parties ? decl.parties[uscc] : null
    if (!p) return uscc || ''
    return (locale.value === 'en' && p.name_en) || p.name_zh || uscc
  }
  return { partyName }
}
