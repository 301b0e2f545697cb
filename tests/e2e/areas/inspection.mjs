// inspection.mjs — the browser scenarios of the inspection post's own pages (issue 16), added to
// run.mjs's table by its addAreaScenarios (see there for the helpers given in `lib`).
export function scenarios({ assert, newPage, signIn, choose, rows, shot }) {
  return {
    // the samples page: every sample, newest taken first, counted as the API counts them;
    // filtered by lab status and searched by an entry number; a row opens its declaration; the
    // chosen rows' labels print alone, 60 × 40 mm each (the print dialog stubbed)
    async samplesDesk({ browser, base }) {
      const { context, page } = await newPage(browser, base)
      await signIn(page, 'officer')
      await page.goto('/samples')
      await rows(page, 'smp-table').first().waitFor()
      const all = await (await page.request.get('/api/v1/samples?sort=-created_at&page=1&limit=20')).json()
      assert.ok(all.total > 0, 'the demo has samples')
      assert.match(await page.locator('[data-test=list-pager] .el-pagination__total').innerText(), new RegExp(`共 ${all.total} 条`))
      assert.match(await rows(page, 'smp-table').first().innerText(), new RegExp(all.items[0].barcode))
      // by lab status: the pending ones
      await choose(page, page.locator('[data-test=smp-f-status]'), '待检测')
      await page.waitForURL((u) => u.searchParams.get('status') === 'pending')
      const pending = await (await page.request.get('/api/v1/samples?status=pending&sort=-created_at&page=1&limit=20')).json()
      await page.locator('[data-test=list-pager] .el-pagination__total', { hasText: `共 ${pending.total} 条` }).waitFor()
      for (const t of await rows(page, 'smp-table').locator('[data-test=smp-status]').allInnerTexts()) assert.equal(t, '待检测')
      // searched by an entry number, kept in the address
      const entry = all.items[0].entry_no
      await page.goto(`/samples?q=${entry}`)
      await rows(page, 'smp-table').first().waitFor()
      for (const t of await rows(page, 'smp-table').locator('[data-test=smp-entry]').allInnerTexts()) assert.equal(t, entry)
      // the chosen labels print alone
      await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1 } })
      await rows(page, 'smp-table').first().locator('.el-checkbox').click()
      await page.locator('[data-test=smp-print]').click()
      await page.waitForFunction(() => window.__printed === 1)
      await page.emulateMedia({ media: 'print' })
      const label = page.locator('[data-test=label-sheet] [data-test=label]')
      assert.equal(await label.count(), 1)
      const box = await label.first().boundingBox()
      assert.ok(Math.abs(box.width - 226.8) < 1 && Math.abs(box.height - 151.2) < 1, JSON.stringify(box))
      assert.ok((await label.first().innerText()).includes(entry))
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
      await page.emulateMedia({ media: 'screen' })
      await shot(page, 'samples')
      // a row opens its declaration
      await rows(page, 'smp-table').first().locator('[data-test=smp-entry]').click()
      await page.waitForURL(`**/declarations/${entry}`)
      await page.locator('[data-test=samples]').waitFor()
      assert.deepEqual(page.problems, [])
      await context.close()
    },
  }
}
