// language.mjs — the language scan (issue 16): every page of every role, in Chinese and in
// English, shows no word of the other language that is not data. A page's words are its visible
// text and its inputs' placeholders; data is what the page marks as such (an element with a
// `data-data` attribute, a table column of class `hg-data`, or in monospace `.hg-mono`: numbers
// and codes) and what looks like data
// (codes, numbers, dates, addresses of the web). The pages are the side menu's entries of each
// role (its access rules decide them) and the pages reached from them (a declaration, an
// enterprise, a form), the public pages and the "not found" page. Run alone with
// HAIGUAN_E2E_ONLY=languageScan; its findings are listed page by page.

// Latin words a Chinese page may show: acronyms and names used as they are in Chinese customs
// practice and software (CSV, API, HS, AEO, IMO, Webhook, …), the price terms, the languages'
// own names in the switch.
const LATIN_OK = new Set(('API CSV HS AEO IMO IC RFID VIN MRZ QR PNG PDF JSON HTTP HTTPS URL SLA CIF CFR FOB EXW ' +
  'Webhook Webhooks Standard HMAC SHA webhook signature id timestamp English IATA LOCODE USCC ECharts Code OK ' +
  'CN JP US KR RU NO GB DE FR VN PH PA LR SG CNY USD EUR JPY HKD GBP KRW ' +
  // the token scopes an administrator types, named in the hint as the API spells them
  'arrival lab gate').split(' '))

// words of a text that are not data: the text with what looks like data removed
function stripData(text) {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\b[\w.+-]+@[\w.-]+\b/g, ' ')
    // codes: entry numbers, USCCs, bill, container and barcode numbers, HS codes, plates: any
    // token holding a digit, and runs of capitals with digits or dashes
    .replace(/[A-Za-z0-9_.:/#<>-]*\d[A-Za-z0-9_.:/#<>-]*/g, ' ')
    .replace(/\b[A-Z]{2,}(?:[-_][A-Z0-9]+)*\b/g, (w) => (w.length <= 12 ? ' ' : w))
}

export function latinWords(text) {
  return (stripData(text).match(/[A-Za-z][A-Za-z'’]+/g) || []).filter((w) => !LATIN_OK.has(w) && w.length > 1)
}

export function hanRuns(text) {
  return stripData(text).match(/[\u3400-\u9fff\uff01-\uff5e\u3001-\u3011]+/g)?.filter((w) => w !== '中文') || []
}

export function scenarios({ assert, newPage, signIn, apiUser, TRADING }) {
  // the page's words that are not marked as data, and its placeholders
  async function pageWords(page) {
    return page.evaluate(() => {
      const out = []
      const skip = (el) => el.closest('[data-data], .hg-data, .hg-mono, .el-popper.is-dark, code, pre, script, style, svg, canvas, [aria-hidden=true]')
      const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement
        const text = n.nodeValue.trim()
        if (text && el && !skip(el) && shown(el)) out.push(text)
      }
      for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]'))
        if (!skip(el) && shown(el) && el.placeholder) out.push(el.placeholder)
      return out
    })
  }

  // waits until the page has settled: no loading mask, no request in flight for a moment
  async function settle(page) {
    // (not "networkidle": the pages that follow the event stream keep a request open)
    await page.waitForLoadState('load')
    await page.waitForTimeout(300)
    await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"]), [data-state=loading]'),
      null, { timeout: 10000 }).catch(() => {})
    await page.waitForTimeout(200)
  }

  async function scan(page, lang, where, findings) {
    await page.mouse.move(0, 0)   // no cell's overflow tooltip (a copy of its text) left open
    await settle(page)
    const words = await pageWords(page)
    const bad = new Set()
    for (const w of words) for (const x of lang === 'en' ? hanRuns(w) : latinWords(w)) bad.add(x)
    if (bad.size) findings.push(`${lang} ${where}: ${[...bad].slice(0, 25).join(' | ')}`)
  }

  // the side menu's pages of the signed-in user
  async function menuPaths(page) {
    await page.locator('nav a[href]').first().waitFor()
    return page.evaluate(() => [...new Set([...document.querySelectorAll('nav a[href]')].map((a) => a.getAttribute('href')))]
      .filter((h) => h.startsWith('/')))
  }

  return {
    async languageScan({ browser, base }) {
      const findings = []
      const officerApi = await apiUser(browser, base, 'officer')
      const decls = await officerApi.call('GET', '/declarations?limit=5', undefined, 200)
      const entry = decls.items[0]?.entry_no
      const vessels = await officerApi.call('GET', '/vessels/arrivals?limit=1').catch(() => null)
      const call = vessels?.items?.[0]?.call_no
      await officerApi.close()
      // who signs in, and the pages each reaches beyond its menu
      const roles = {
        admin: ['/enterprises/new', `/enterprises/${TRADING}`, `/enterprises/${TRADING}/edit`],
        officer: [entry && `/declarations/${entry}`, `/enterprises/${TRADING}`, call && `/vessels/${call}`],
        manager: [entry && `/declarations/${entry}`],
        'dl-trading': ['/declarations/new', '/risk'],
        quarantine: [],
      }
      for (const lang of ['zh-CN', 'en']) {
        const short = lang === 'en' ? 'en' : 'zh'
        // the public pages and the "not found" page
        {
          const { context, page } = await newPage(browser, base)
          await page.addInitScript((l) => localStorage.setItem('haiguan.lang', l), lang)
          for (const p of ['/signin', '/health', '/no-such-page']) {
            await page.goto(p)
            await scan(page, short, p, findings)
          }
          // an unknown address inside the signed-in frame is the console's own "not found" page too
          await signIn(page, 'officer')
          const resp = await page.goto('/declarations/x/no-such-page')
          assert.equal(resp.status(), 404)
          await page.locator('h1', { hasText: short === 'en' ? 'Page not found' : '页面不存在' }).waitFor()
          await scan(page, short, 'officer /declarations/x/no-such-page', findings)
          await context.close()
        }
        for (const [user, extra] of Object.entries(roles)) {
          const { context, page } = await newPage(browser, base)
          await page.addInitScript((l) => localStorage.setItem('haiguan.lang', l), lang)
          await signIn(page, user)
          const paths = [...await menuPaths(page), ...extra.filter(Boolean)]
          for (const p of paths) {
            await page.goto(p)
            await scan(page, short, `${user} ${p}`, findings)
          }
          assert.deepEqual(page.problems, [], `${user} in ${lang}`)
          await context.close()
        }
      }
      if (findings.length) console.log(`language scan findings:\n${findings.join('\n')}`)
      assert.deepEqual(findings, [], 'words of the other language, not data (listed above)')
    },
  }
}
