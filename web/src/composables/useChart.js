// useChart.js — one ECharts instance bound to an element of a component, as CreditChart,
// RiskChart and ClearanceChart use it: created when the element is there (and again if the
// element is replaced, as when a StateView swaps its content), resized with the window,
// re-drawn when the language changes, disposed with the component. Tooltips must stay in the
// canvas (`renderMode: 'richText'`): ECharts' HTML tooltips carry inline styles, which the CSP
// forbids (docs/CONSOLE.md "Content Security Policy"); `baseOption` sets that for every chart.
import { onBeforeUnmount, onMounted, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import * as echarts from 'echarts/core'
import { GridComponent, TooltipComponent, LegendComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([GridComponent, TooltipComponent, LegendComponent, CanvasRenderer])

// What every chart of the console has: no animation (steady screenshots), canvas tooltips.
export const baseOption = () => ({ animation: false, tooltip: { trigger: 'axis', renderMode: 'richText' } })

// el: the template ref of the chart's element. draw(chart): sets the option (called on mount,
// on a language change and by redraw()); return false to say there is nothing to draw, which
// disposes the chart. uses: ECharts chart types to register (BarChart, LineChart…).
// onInit(chart): once per instance (event handlers).
export function useChart(el, draw, { uses = [], onInit } = {}) {
  echarts.use(uses)
  const { locale } = useI18n()
  let chart = null

  function dispose() {
    if (chart) chart.dispose()
    chart = null
  }
  function redraw() {
    if (!el.value) return dispose()
    if (!chart || chart.getDom() !== el.value) {
      dispose()
      chart = echarts.init(el.value)
      if (onInit) onInit(chart)
    }
    if (draw(chart) === false) dispose()
  }
  const resize = () => chart && chart.resize()
  onMounted(() => {
    redraw()
    window.addEventListener('resize', resize)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('resize', resize)
    dispose()
  })
  watch(locale, redraw)
  return { redraw }
}
