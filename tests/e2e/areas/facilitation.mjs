// facilitation.mjs — the browser scenario of AEO facilitation where it acts on inspection (issue
// 20): an advanced-certified importer asks from its declaration's page to be inspected without
// attending (查验免到场); the inspection officer sees the task tagged first in the queue and must
// name the site's witness before the result is recorded. Added to run.mjs's table by its
// addAreaScenarios.
export function scenarios({ assert, newPage, signIn, apiUser, fileDeclaration, LATHE, TRADING, rows, shot }) {
  return {
    async attendanceWaiver({ browser, base }) {
      const f = await fileDeclaration(browser, base, { declarant: TRADING, who: 'dl-trading', items: LATHE, trade_country: 'JP' })
      const entry = f.d.entry_no
      await f.close()
      if (f.d.status !== 'inspection') {
        const officer = await apiUser(browser, base, 'officer')
        await officer.call('POST', `/declarations/${entry}/inspection`, { kind: 'machine', reason: '机检比对重量' }, 201)
        await officer.close()
      }
      // the importer asks on its declaration's page, where the open inspection is listed
      const { context, page } = await newPage(browser, base)
      await signIn(page, 'dl-trading')
      await page.goto(`/declarations/${entry}`)
      await page.locator('[data-test=ask-waiver]').click()
      await page.locator('[data-test=waiver-submit]').click()
      await page.locator('[data-test=waiver-dialog] [data-field=reason] .el-form-item__error').waitFor()
      await page.locator('textarea[data-test=waiver-reason]').fill('报关员出差，委托场站协助查验')
      await page.locator('[data-test=waiver-submit]').click()
      await page.locator('[data-test=attendance-waived]').waitFor()
      await shot(page, 'attendance-waiver')
      assert.deepEqual(page.problems, [])
      await context.close()

      // the officer's queue tags it first (advanced certified) and not attended; the result
      // asks for the witness
      const { context: oc, page: op } = await newPage(browser, base)
      await signIn(op, 'officer')
      await op.goto('/inspections')
      await op.locator('input[data-test=f-q]').fill(entry)
      await op.locator('[data-test=search]').click()
      const row = rows(op, 'inspection-table').filter({ hasText: entry })
      await row.locator('[data-test=priority]', { hasText: '高级认证优先' }).waitFor()
      await row.locator('[data-test=waived]').waitFor()
      await row.locator('[data-test=enter-result]').click()
      await op.locator('[data-test=result-submit]').click()
      await op.locator('[data-test=result-dialog] [data-field=witness] .el-form-item__error').waitFor()
      await op.locator('input[data-test=r-witness]').fill('大窑湾场站 李明')
      await op.locator('[data-test=result-submit]').click()
      await op.locator('[data-test=result-dialog]').waitFor({ state: 'hidden' })
      const officer = await apiUser(browser, base, 'officer')
      const done = await officer.call('GET', `/inspections?status=passed&q=${entry}`, undefined, 200)
      assert.equal(done.items[0].attendance.witness, '大窑湾场站 李明')
      await officer.close()
      assert.deepEqual(op.problems, [])
      await oc.close()
    },
  }
}
