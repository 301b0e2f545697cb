// units.mjs — the browser scenario of the unit select (issue 16: every choice field a searchable
// select fed by the reference data): the customs table of units of measurement (海关计量单位代码表)
// in the declaration form's item rows, added to run.mjs's table by its addAreaScenarios.
export function scenarios({ assert, declarationForm, pick, choose, fileDeclaration, LATHE, TRADING }) {
  return {
    // a clerk finds 千克 by typing "千", a unit typed in full is taken, the tariff line's legal
    // unit comes first once the HS code is known, and in English "kilo" finds the kilogram; the
    // declaration's page shows its unit by name in the page's language
    async unitSelect({ browser, base }) {
      const { context, page, field } = await declarationForm(browser, base, 'dl-trading')
      const unit = (i) => field(`items[${i}].unit`)
      const shows = (i, text) => unit(i).locator('.el-select', { hasText: text }).waitFor()
      // no HS code yet: the whole table, searched by part of a name
      await unit(0).locator('.el-select').click()
      await unit(0).locator('input').fill('千')
      await pick(page, '千克 035')
      await shows(0, '千克 035')
      // a unit typed in full and left without picking is taken (a pasted value)
      await unit(0).locator('input').fill('台')
      await field('items[0].name').locator('input').fill('冻鳕鱼')
      await shows(0, '台 001')
      // the HS code known: its first legal unit is chosen, and offered first under its heading
      await field('items[0].hs_code').locator('input').fill('0303630000')
      await field('items[0].quantity').locator('input').fill('2000')
      await page.locator('[data-test=line-0] [data-test=legal-units]', { hasText: '千克' }).waitFor()
      await shows(0, '千克 035')
      await unit(0).locator('.el-select').click()
      const open = page.locator('.el-select-dropdown:visible')
      await open.locator('.el-select-group__title', { hasText: '法定单位' }).waitFor()
      assert.match(await open.locator('.el-select-dropdown__item').first().innerText(), /^千克 035$/)
      await page.keyboard.press('Escape')
      // in English: the table's English names, "kilo" finding the kilogram among the kilo- units
      await page.locator('[data-test=add-item]').click()
      await choose(page, page.locator('[data-test=lang]'), 'English')
      await shows(0, 'kilogram 035')
      await unit(1).locator('.el-select').click()
      await unit(1).locator('input').fill('kilo')
      await page.locator('.el-select-dropdown__item:visible', { hasText: 'kilowatt 061' }).waitFor()
      await pick(page, 'kilogram 035')
      await shows(1, 'kilogram 035')
      assert.deepEqual(page.problems, [])
      // a filed declaration's goods: the unit by its English name on an English page, the
      // name it was declared by on hover
      const f = await fileDeclaration(browser, base, { declarant: TRADING, who: 'dl-trading', items: LATHE, trade_country: 'JP' })
      await page.goto(`/declarations/${f.d.entry_no}`)
      await page.locator('span[data-data][title="台"]', { hasText: 'unit (machine)' }).waitFor()
      await f.close()
      assert.deepEqual(page.problems, [])
      await context.close()
    },
  }
}
