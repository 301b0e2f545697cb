// periodShortcuts.js — the shortcuts of a list's date-range picker (今天、本周、本月、上月), in the
// console's language, as Element Plus takes them: each a [start, end] of local Dates whose
// calendar days are Asia/Shanghai's (format.js periodDays), since the picker formats its Dates
// in the browser's own zone.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { periodDays } from '../format.js'

const local = (day) => {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y, m - 1, d)
}

export function usePeriodShortcuts() {
  const { t } = useI18n()
  return computed(() => ['today', 'week', 'month', 'lastMonth'].map((key) => ({
    text: t(`list.${key}`),
    value: () => periodDays()[key].map(local),
  })))
}
