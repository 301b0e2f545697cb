// messages.mjs — the language of the API's refusals in the console (issue 16: "未找到：no manifest
// carries bill…"). The console sends Accept-Language with its language switch (web/src/api.js),
// and shows a message it has no words of its own for as the API gives it: on Chinese pages no
// English sentence shows, on English pages no Chinese. Added to run.mjs's table by its
// addAreaScenarios.

// a run of three ASCII words: an English sentence on a Chinese page
const ENGLISH_RUN = /[A-Za-z]{2,}(?:[ ,;:'-]+[A-Za-z]{2,}){2,}/
const CJK = /[\u4e00-\u9fff]/

const KIND = { zh: '进口商', en: 'Importer' }
const CREDIT = { zh: '一般信用', en: 'General credit' }
const lang = (page) => page.hgLang || 'zh'

export function scenarios({ assert, newPage, signIn, choose, shot }) {
  // Provokes three refusals of the server on the officer's pages and returns what each showed:
  // a customs code taken, an unknown coordinator (a message the console has no words for), and
  // a USCC that fails its check character (GB 32100, the validator's reason inside).
  async function refusals(page) {
    await page.goto('/enterprises/new')
    const form = page.locator('[data-test=enterprise-form]')
    await form.waitFor()
    const item = (f) => form.locator(`[data-field=${f}]`)
    const err = (f) => item(f).locator('.el-form-item__error')
    const shown = []
    await item('uscc').locator('input').fill('91350100M00020001J')   // GB 32100, not in the demo
    await item('customs_code').locator('input').fill('2102930001')   // taken by a demo enterprise
    await item('name_zh').locator('input').fill('福州消息测试有限公司')
    await choose(page, item('kind').locator('.el-select'), KIND[lang(page)])
    await choose(page, item('credit_level').locator('.el-select'), CREDIT[lang(page)])
    await page.locator('[data-test=save]').click()
    await err('customs_code').waitFor()
    shown.push(await err('customs_code').innerText())
    // a coordinator who is no officer: a message the console has no words of its own for
    await item('customs_code').locator('input').fill('3501930009')
    // the coordinator is a select of users by display name that also takes a typed account name
    // (UserSelect): typed and confirmed with Enter
    await item('coordinator').locator('input').fill('nobody-at-all')
    await item('coordinator').locator('input').press('Enter')
    await page.locator('[data-test=save]').click()
    await err('coordinator').waitFor()
    shown.push(await err('coordinator').innerText())
    // a page that cannot load: the API refuses the USCC in the address (its check character)
    await page.goto('/enterprises/91210200241600015A')
    const state = page.locator('[data-state=error]')
    await state.waitFor()
    shown.push(await state.locator('.el-result__subtitle').innerText())
    return shown
  }

  return {
    // issue 16: on Chinese pages every refusal reads in Chinese, the API's words where the
    // console has none of its own (coordinator 应为在岗关员的用户名)
    async messagesInChinese({ browser, base }) {
      const { context, page } = await newPage(browser, base)
      await signIn(page, 'officer')
      const shown = await refusals(page)
      assert.ok(shown.length >= 3, `three refusals shown: ${JSON.stringify(shown)}`)
      for (const text of shown) {
        assert.ok(CJK.test(text), `Chinese: ${text}`)
        assert.ok(!ENGLISH_RUN.test(text), `no English sentence on a Chinese page: ${text}`)
      }
      assert.ok(shown.some((t) => /在岗关员/.test(t)), `the API's own Chinese: ${JSON.stringify(shown)}`)
      assert.ok(shown.some((t) => /统一社会信用代码无效/.test(t)), `the USCC refused in Chinese: ${JSON.stringify(shown)}`)
      await shot(page, 'messages-zh')
      assert.deepEqual(page.problems, [])
      await context.close()
    },

    // the same refusals on English pages: English, no Chinese sentence
    async messagesInEnglish({ browser, base }) {
      const { context, page } = await newPage(browser, base)
      await context.addInitScript(() => localStorage.setItem('haiguan.lang', 'en'))
      page.hgLang = 'en'
      await signIn(page, 'officer')
      const shown = await refusals(page)
      assert.ok(shown.length >= 3, `three refusals shown: ${JSON.stringify(shown)}`)
      for (const text of shown) assert.ok(!CJK.test(text), `no Chinese on an English page: ${text}`)
      assert.ok(shown.some((t) => /active officer/.test(t)), `the API's own English: ${JSON.stringify(shown)}`)
      await shot(page, 'messages-en')
      assert.deepEqual(page.problems, [])
      await context.close()
    },
  }
}
