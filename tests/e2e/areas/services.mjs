// services.mjs — the browser scenarios of the enterprise services' pages (issue 20), added to
// run.mjs's table by its addAreaScenarios (see there for the helpers given in `lib`).
export function scenarios({ assert, newPage, signIn, shot, choose }) {
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
      // the draft's unit is the customs table's select (UnitSelect), the line's legal unit
      // chosen and offered first under its heading
      const unit = page.locator('[data-test=nav-unit]').first()
      await page.locator('[data-test=nav-unit]', { hasText: '千克 035' }).first().waitFor()
      await unit.click()
      const open = page.locator('.el-select-dropdown:visible')
      await open.locator('.el-select-group__title', { hasText: '法定计量单位' }).waitFor()
      assert.match(await open.locator('.el-select-dropdown__item').first().innerText(), /^千克 035$/)
      await page.keyboard.press('Escape')
      await open.waitFor({ state: 'hidden' })
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
    // issue 20: a manager draws next year's post-clearance audit plan from the services
    // dashboard: every dishonest enterprise is selected, the certified at a fifth and a half of
    // general credit's rate
    async auditPlan({ browser, base }) {
      const { context, page } = await newPage(browser, base)
      await signIn(page, 'manager')
      await page.goto('/services/dashboard')
      const next = new Date().getFullYear() + 1
      await choose(page, page.locator('[data-test=audit-plan] .el-select'), String(next))
      await page.locator('[data-test=plan-none]', { hasText: String(next) }).waitFor()
      await page.locator('[data-test=plan-draw]').click()
      await page.locator('.el-message-box__btns .el-button--primary').click()
      await page.locator('[data-test=plan-drawn]').waitFor()
      const levels = await page.locator('[data-test=plan-levels] tbody tr').allInnerTexts()
      assert.match(levels.find((r) => r.includes('高级认证')), /1\.0%/)   // 20% of the 5% base
      assert.match(levels.find((r) => r.includes('失信')), /100\.0%\s+1\s+1\s+100\.0%/)
      await page.locator('[data-test=plan-chosen]', { hasText: '大连快捷跨境电商有限公司' }).waitFor()
      await shot(page, 'audit-plan')
      assert.deepEqual(page.problems, [])
      await context.close()
    },
  }
}
