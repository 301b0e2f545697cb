// decimals.mjs — the browser scenario of decimal quantities and weights on the declaration form
// (issue 14: a quantity to 5 places, a weight in kg to 3; 报关单填制规范), added to run.mjs's
// table by its addAreaScenarios (see there for the helpers given in `lib`).
import { decimalBody, decimalOk, DECIMAL_PLACES } from '../../../web/src/areas/declarations/form.js'
import { changedItems } from '../../../web/src/areas/declarations/changes.js'

export function scenarios({ assert, shot, codDeclarationForm }) {
  return {
    // the form takes a decimal quantity and weights, refuses a sixth place under the field before
    // anything is sent, shows the API's own refusal (net over gross, to the gram) under its field,
    // and the filed declaration shows the decimals as they were typed
    async decimalQuantity({ browser, base }) {
      // the form's helpers: the places of each field, whole values sent as numbers, decimals as typed
      assert.deepEqual(DECIMAL_PLACES, { quantity: 5, gross_weight_kg: 3, net_weight_kg: 3 })
      assert.deepEqual(['3.12345', '3.123456', '1e3', '-1', '.5', ' 2100 '].map((v) => decimalOk(v, 5)),
        [true, false, false, false, false, true])
      assert.deepEqual([decimalOk('2100.5', 3), decimalOk('2100.5005', 3)], [true, false])
      assert.deepEqual([decimalBody(' 2100 '), decimalBody('3.12345')], [2100, '3.12345'])
      assert.deepEqual(changedItems([{ quantity: 3.12345, gross_weight_kg: 2100 }], [{ quantity: '3.12345', gross_weight_kg: '2100.5' }]),
        [{ line_no: 1, gross_weight_kg: '2100.5' }])
      const { context, page, field } = await codDeclarationForm(browser, base,
        { prefix: 'DEC', billGross: 5000.5, quantity: '2000.123456', gross_weight_kg: '2100.5', net_weight_kg: '2100.501' })
      // six places: refused under the quantity by the form itself
      await page.locator('[data-test=file]').click()
      await field('items[0].quantity').locator('.el-form-item__error', { hasText: '最多 5 位小数' }).waitFor()
      assert.match(page.url(), /\/declarations\/new$/)
      await shot(page, 'decimal-quantity-places')
      // five places pass the form; the API refuses a net weight a gram over the gross, under it
      await field('items[0].quantity').locator('input').fill('2000.12345')
      await page.locator('[data-test=file]').click()
      await field('items[0].net_weight_kg').locator('.el-form-item__error').waitFor()
      assert.match(page.url(), /\/declarations\/new$/)
      await field('items[0].quantity').locator('.el-form-item__error').waitFor({ state: 'detached' })
      await field('items[0].net_weight_kg').locator('input').fill('2000.125')
      await page.locator('[data-test=file]').click()
      await page.waitForURL(/\/declarations\/\d{18}$/)
      // shown as typed, and kept so: the API gives the same decimals back
      const goods = page.locator('[data-test=decl-items]')
      await goods.waitFor()
      const text = await goods.innerText()
      assert.match(text, /2000\.12345/)
      assert.match(text, /2100\.5\b/)
      assert.match(text, /2000\.125/)
      const entry = page.url().split('/').pop()
      const d = await (await page.request.get(`/api/v1/declarations/${entry}`)).json()
      assert.deepEqual([d.items[0].quantity, d.items[0].gross_weight_kg, d.items[0].net_weight_kg], [2000.12345, 2100.5, 2000.125])
      await shot(page, 'decimal-quantity-filed')
      assert.deepEqual(page.problems, [])
      await context.close()
    },
  }
}
