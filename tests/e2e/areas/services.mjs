// services.mjs — the browser scenarios of the enterprise services' pages (issue 20), added to
// run.mjs's table by its addAreaScenarios (see there for the helpers given in `lib`).
export function scenarios({ assert, newPage, signIn, shot }) {
  return {
    // issue 20: a declarant searches 冻鳕鱼, picks the 10-digit line, fills the generated elements
    // leaving 种类 empty, and the pre-check catches the missing element before filing.
    async navigationPrecheck({ browser, base }) {
      const { context, page } = await newPage(browser, base)
      await signIn(page, 'dl-trading')
      await page.goto('/navigation')
      await page.locator('[data-test=nav-q]').fill('冻鳕鱼')
      await page.locator('[data-test=nav-search]').click()
      await page.locator('[data-test=nav-hit-0303630000]').click()
      await page.locator('[data-test=nav-line]', { hasText: '千克' }).waitFor()
      const fill = ['0', '0', '冻、整条', '', '无品牌']
      for (let i = 0; i < fill.length; i++) await page.locator(`[data-test=nav-el-${i}]`).fill(fill[i])
      await page.locator('[data-test=nav-precheck]').click()
      const missing = page.locator('[data-test=nav-findings] li[data-rule=element_missing]')
      await missing.waitFor()
      assert.match(await missing.innerText(), /种类/)
      await shot(page, 'navigation-precheck')
      await page.locator('[data-test=nav-el-3]').fill('大西洋鳕鱼Gadus morhua')
      await page.locator('[data-test=nav-precheck]').click()
      await page.locator('[data-test=nav-ok]').waitFor()
      assert.deepEqual(page.problems, [])
      await context.close()
    },
  }
}
