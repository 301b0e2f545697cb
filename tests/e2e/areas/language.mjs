// language.mjs — the language scan (issue 16): every page of every role, in Chinese and in
// English, shows no word of the other language that is not data. A page's words are its visible
// text and its inputs' placeholders; data is what the page marks as such (an element with a
// `data-data` attribute, a table column of class `hg-data`, or in monospace `.hg-mono`: numbers
// and codes) and what looks like data
// (codes, numbers, dates, addresses of the web). The pages are the side menu's entries of each
// role (its access rules decide them) and the pages reached from them (a declaration, an
// enterprise, a form), the public pages and the "not found" page, for every role the demo signs in
// (LOGINS). On each page every dialog, drawer, confirm or prompt box and print sheet it can open
// (OPENERS, PRINTS) is opened, scanned and closed unanswered; a page's words include its
// tooltips (title), aria-labels and the document's title. On the pages and in the dialogs every
// distinct select, cascader and date picker is opened once and its popper read (the options, the
// shortcuts, the calendar's words), and every hover tooltip (TOOLTIPS) is shown and read; the
// health counter's check dialogs, reached only with a traveller's card, are opened after a real
// scan of a declaration's QR code. Run alone with
// HAIGUAN_E2E_ONLY=languageScan (HAIGUAN_SCAN_ROLES=a,b: only those roles, while fixing); its
// findings are listed page by page, then the counts.

// Latin words a Chinese page may show: acronyms and names used as they are in Chinese customs
// practice and software (CSV, API, HS, AEO, IMO, Webhook, …), the price terms, the languages'
// own names in the switch.
const LATIN_OK = new Set(('API CSV HS AEO IMO IC RFID VIN MRZ QR PNG PDF JSON HTTP HTTPS URL SLA CIF CFR FOB EXW ' +
  'Webhook Webhooks Standard HMAC SHA webhook signature id timestamp English IATA LOCODE USCC ECharts Code OK ' +
  'CN JP US KR RU NO GB DE FR VN PH PA LR SG CNY USD EUR JPY HKD GBP KRW ' +
  // the token scopes an administrator types, named in the hint as the API spells them
  'arrival lab gate ' +
  // a key by the name printed on it (Element Plus's calendar: 使用方向键与 Enter 键可选择日期)
  'Enter').split(' '))

// words of a text that are not data: the text with what looks like data removed
function stripData(text) {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\b[\w.+-]+@[\w.-]+\b/g, ' ')
    // codes: entry numbers, USCCs, bill, container and barcode numbers, HS codes, plates: any
    // token holding a digit, and runs of capitals with digits or dashes
    .replace(/[A-Za-z0-9_.:/#<>-]*\d[A-Za-z0-9_.:/#<>-]*/g, ' ')
    .replace(/\b[A-Z]{2,}(?:[-_][A-Z0-9]+)*\b/g, (w) => (w.length <= 12 ? ' ' : w))
    // the API's own codes in dotted form (an audit action "vessel.purge", kept in its title)
    .replace(/\b[a-z_]+(?:\.[a-z_]+)+\b/g, ' ')
}

export function latinWords(text) {
  return (stripData(text).match(/[A-Za-z][A-Za-z'’]+/g) || []).filter((w) => !LATIN_OK.has(w) && w.length > 1)
}

export function hanRuns(text) {
  return stripData(text).match(/[\u3400-\u9fff\uff01-\uff5e\u3001-\u3011]+/g)?.filter((w) => w !== '中文') || []
}

// The buttons that open a dialog, a drawer or a confirm/prompt box (their data-test), grepped from
// web/src (el-dialog, el-drawer, ElMessageBox): each is clicked where a page shows it enabled, the
// box scanned and closed with Escape, so nothing is decided. Buttons that act at once (search,
// export, land, depart, …) are not here.
const OPENERS = [
  // a declaration: release and permit confirms, completing a summary declaration, an inspection's
  // result, attendance waived, the tax bill's pay confirm, guarantee and request dialogs, changes
  'release', 'permit', 'complete', 'record-result', 'ask-waiver', 'pay', 'guarantee', 'request-decision',
  'ask-modify', 'ask-cancel', 'refile', 'return', 'amend', 'change-approve', 'change-refuse', 'pay-supplementary',
  // the inspection queue, risk rules, users, tokens, webhooks
  'enter-result', 'show-samples', 'new-rule', 'edit-rule', 'try-rule', 'activate', 'suspend', 'resume',
  'new-user', 'rename', 'disable', 'token-revoke', 'webhook-log', 'webhook-delete',
  // the tax desk and general guarantees, the services' audit plan
  'g-accept', 'g-reject', 'approve', 'reject', 'gg-accept', 'gg-reject', 'plan-draw',
  // certificates, vessels, the health counter and flights
  'cd-issue', 'cd-replace', 'cd-annul', 'mc-apply', 'vc-board', 'vc-grant', 'vc-refuse', 'vc-lift',
  'hf-new', 'hf-board', 'hc-survey', 'hc-exam', 'hc-handover',
]
// the triggers of the hover tooltips (el-tooltip, grepped from web/src), by their data-test
const TOOLTIPS = ['rule-status']
// the buttons that print a sheet (the page shows it for print only): scanned in print media
const PRINTS = ['print-declaration', 'print-release', 'print-tax', 'print', 'smp-print-page']

export function scenarios({ assert, newPage, signIn, apiUser, TRADING, LOGINS, shanghaiDay }) {
  // the words under `root` (default: the page) that are not marked as data: its text, its
  // inputs' placeholders, its tooltips (title) and aria-labels, and the document's title; each
  // as [text, where] (where: the attribute, '' for text)
  // (a dark popper is a table cell's overflow tooltip, a copy of its text, unless `tooltip`: the
  // hover tooltip being read)
  async function pageWords(page, root, tooltip) {
    return page.evaluate(([rootSel, tip]) => {
      const out = []
      // (a data column's header, which Element Plus gives the column's class too, is words)
      const skip = (el) => el.closest(`[data-data], .hg-mono, ${tip ? '' : '.el-popper.is-dark, '}code, pre, script, style, svg, canvas, [aria-hidden=true]`) ||
        (el.closest('.hg-data') && !el.closest('th'))
      const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
      const roots = rootSel ? [...document.querySelectorAll(rootSel)].filter(shown) : [document.body]
      for (const r of roots) {
        const walker = document.createTreeWalker(r, NodeFilter.SHOW_TEXT)
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement
          const text = n.nodeValue.trim()
          if (text && el && !skip(el) && shown(el)) out.push([text, ''])
        }
        for (const el of r.querySelectorAll('[placeholder], [title], [aria-label]')) {
          if (skip(el) || !shown(el)) continue
          for (const a of ['placeholder', 'title', 'aria-label']) if (el.getAttribute(a)) out.push([el.getAttribute(a), a])
        }
      }
      if (!rootSel && document.title) out.push([document.title, 'document.title'])
      return out
    }, [root || null, !!tooltip])
  }

  // the requests a page has in flight, by page (watched from its creation: `watch` right after
  // newPage); the live event stream, which stays open, is not counted
  const inflight = new WeakMap()
  function watch(page) {
    if (!inflight.has(page)) {
      const open = new Set()
      const lasting = (q) => q.resourceType() === 'eventsource' || /\/events\/(stream|live)/.test(q.url())
      page.on('request', (q) => { if (!lasting(q)) open.add(q) })
      for (const ev of ['requestfinished', 'requestfailed']) page.on(ev, (q) => open.delete(q))
      inflight.set(page, open)
    }
    return inflight.get(page)
  }

  // waits until the page has settled: no request in flight and no loading mask, at two looks
  // 50 ms apart (a response is rendered before the page answers a look: the look is a task of
  // the page's own thread, queued behind the render; a request the render starts is seen by the
  // second look). Fixed waits of 500 ms here were a third of the scan's time.
  async function settle(page) {
    const open = watch(page)
    await page.waitForLoadState('load')
    const busy = () => page.evaluate(() => !!document.querySelector('.el-loading-mask:not([style*="display: none"]), [data-state=loading]'))
    const until = Date.now() + 10000
    for (let quiet = 0; quiet < 2 && Date.now() < until;) {
      await page.waitForTimeout(50)
      quiet = open.size || await busy() ? 0 : quiet + 1
    }
  }

  // the words of the language's other script among words ([text, where] pairs), as a finding
  function judge(words, lang, where, findings) {
    const bad = new Set()
    for (const [w, a] of words) for (const x of lang === 'en' ? hanRuns(w) : latinWords(w)) bad.add(a ? `${x} (${a})` : x)
    if (bad.size) findings.push(`${lang} ${where}: ${[...bad].slice(0, 25).join(' | ')}`)
  }

  async function scan(page, lang, where, findings, root) {
    await page.mouse.move(0, 0)   // no cell's overflow tooltip (a copy of its text) left open
    await settle(page)
    // the router names the page after it has loaded (router.js setTitle); until then the title is
    // index.html's placeholder, bilingual on purpose, which a busy machine can leave for a moment
    await page.waitForFunction(() => document.title && document.title !== 'haiguan 海关', null, { timeout: 5000 }).catch(() => {})
    judge(await pageWords(page, root), lang, where, findings)
  }

  // The poppers under root (default: the page): every select, cascader and date picker shown
  // enabled, each distinct one once in the language's whole scan (the same select in every row
  // of a table or on every list page, by its data-test, field, placeholder or label: its words
  // are the same), is opened with a click and its popper read as soon as it is shown (the
  // options are in the DOM before the fade ends; a remote select's once its loading line is
  // gone), then closed with Escape; every hover tooltip (TOOLTIPS) gets a mouseenter and its
  // popper, found by the trigger's aria-describedby, is read. Returns how many were read. In a
  // dialog, stops when an Escape has closed the dialog too.
  const PICKERS = '.el-select, .el-cascader, .el-date-editor'
  async function scanPoppers(page, lang, where, findings, root, opened) {
    const started = Date.now()
    const marks = await page.evaluate(([rootSel, pickers, tips, seenBefore]) => {
      const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
      const roots = rootSel ? [...document.querySelectorAll(rootSel)].filter(shown) : [document.body]
      for (const el of document.querySelectorAll('[data-scan-pop]')) delete el.dataset.scanPop
      const seen = new Set(seenBefore)
      const out = { pickers: [], tips: [] }
      let i = 0
      for (const r of roots) {
        for (const el of r.querySelectorAll(pickers)) {
          if (!shown(el) || el.querySelector('.is-disabled, [disabled]') || el.classList.contains('is-disabled')) continue
          if (el.parentElement.closest(pickers)) continue
          if (!rootSel && el.closest('.el-overlay, .el-popper')) continue
          const input = el.querySelector('input')
          const key = [el.closest('[data-test]')?.dataset.test, el.closest('[data-field]')?.dataset.field,
            input?.getAttribute('placeholder'), el.closest('.el-form-item')?.querySelector('label')?.textContent,
            el.className].join('|')
          if (seen.has(key)) continue
          seen.add(key)
          el.dataset.scanPop = String(++i)
          out.pickers.push([String(i), key])
        }
        for (const t of tips) {
          const el = [...r.querySelectorAll(`[data-test="${t}"]`)].find(shown)
          if (!el || seen.has(`tip ${t}`)) continue
          seen.add(`tip ${t}`)
          el.dataset.scanPop = String(++i)
          out.tips.push([String(i), `tip ${t}`])
        }
      }
      return out
    }, [root || null, PICKERS, TOOLTIPS, [...opened.seen]])
    // (the popper read is the one that opened: one still fading out is marked stale)
    const poppers = '.el-popper:not(.is-dark):not([data-scan-stale])'
    let n = 0
    for (const [m, key] of marks.pickers) {
      const label = key.split('|').find(Boolean)
      const here = await page.evaluate((sel) => {
        for (const p of document.querySelectorAll('.el-popper')) {
          if (p.getClientRects().length && getComputedStyle(p).display !== 'none') p.dataset.scanStale = ''
          else delete p.dataset.scanStale
        }
        return !!document.querySelector(sel)?.getClientRects().length
      }, `[data-scan-pop="${m}"]`)
      if (!here) continue
      opened.seen.add(key)
      await page.locator(`[data-scan-pop="${m}"]`).click({ timeout: 2000 }).catch(() => {})
      const ok = await page.waitForFunction((sel) => {
        const open = [...document.querySelectorAll(sel)].filter((p) => p.getClientRects().length && getComputedStyle(p).display !== 'none')
        return open.length && !open.some((p) => [...p.querySelectorAll('.el-select-dropdown__loading')].some((l) => l.getClientRects().length))
      }, poppers, { timeout: 1500, polling: 50 }).then(() => true, () => false)
      if (ok) {
        judge(await pageWords(page, `${poppers}:not([style*="display: none"])`), lang, `${where} (select ${label})`, findings)
        n++
      } else opened.nothing.push(`${where} select ${label}`)
      await page.keyboard.press('Escape')
      // (a picker's input keeps the focus and would take the dialog's Escape for itself)
      const still = await page.evaluate((sel) => {
        document.activeElement?.blur()
        return [...document.querySelectorAll(sel)].some((o) => o.getClientRects().length && o.querySelector('.el-dialog, .el-message-box, .el-drawer'))
      }, OVERLAY)
      if (root && !still) return n
    }
    for (const [m, key] of marks.tips) {
      opened.seen.add(key)
      const el = page.locator(`[data-scan-pop="${m}"]`)
      await el.dispatchEvent('mouseenter')
      const id = await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-describedby'),
        `[data-scan-pop="${m}"]`, { timeout: 1500, polling: 50 }).then((h) => h.jsonValue(), () => null)
      if (id) {
        await page.locator(`[id="${id}"]`).waitFor({ timeout: 1000 }).catch(() => {})
        judge(await pageWords(page, `[id="${id}"]`, true), lang, `${where} (tooltip ${key})`, findings)
        n++
        opened.tooltips++
      } else opened.nothing.push(`${where} ${key}`)
      await el.dispatchEvent('mouseleave')
    }
    opened.popperMs += Date.now() - started
    return n
  }

  // the side menu's pages of the signed-in user
  async function menuPaths(page) {
    await page.locator('nav a[href]').first().waitFor()
    return page.evaluate(() => [...new Set([...document.querySelectorAll('nav a[href]')].map((a) => a.getAttribute('href')))]
      .filter((h) => h.startsWith('/')))
  }

  // the openers the page shows enabled, of a list
  const present = (page, list) => page.evaluate((tests) => tests.filter((t) => [...document.querySelectorAll(`[data-test="${t}"]`)]
    .some((e) => e.getClientRects().length && !e.disabled && !e.classList.contains('is-disabled'))), list)
  const OVERLAY = '.el-overlay:not([style*="display: none"])'
  const overlayOpen = (page) => page.evaluate((sel) => [...document.querySelectorAll(sel)]
    .some((o) => o.getClientRects().length && o.querySelector('.el-dialog, .el-message-box, .el-drawer')), OVERLAY)

  // opens each dialog of the page in turn, scans it and closes it unanswered; returns how many
  async function scanDialogs(page, lang, where, findings, opened) {
    let n = 0
    for (const t of await present(page, OPENERS)) {
      await page.locator(`[data-test="${t}"]:visible`).first().click()
      const ok = await page.waitForFunction((sel) => [...document.querySelectorAll(sel)]
        .some((o) => o.getClientRects().length && o.querySelector('.el-dialog, .el-message-box, .el-drawer')), OVERLAY, { timeout: 5000 })
        .then(() => true, () => false)
      if (!ok) { opened.nothing.push(`${where} ${t}`); continue }
      await scan(page, lang, `${where} [${t}]`, findings, OVERLAY)
      opened.poppers += await scanPoppers(page, lang, `${where} [${t}]`, findings, OVERLAY, opened)
      n++
      opened.dialogs.add(`${where.replace(/^\S+ /, '')} ${t}`)
      for (let i = 0; i < 3 && await overlayOpen(page); i++) {
        await page.keyboard.press('Escape')
        await page.waitForFunction((sel) => ![...document.querySelectorAll(sel)].some((o) => o.getClientRects().length &&
          o.querySelector('.el-dialog, .el-message-box, .el-drawer')), OVERLAY, { timeout: 3000 }).catch(() => {})
      }
      assert.equal(await overlayOpen(page), false, `${where} [${t}] closes with Escape`)
    }
    for (const t of await present(page, PRINTS)) {
      await page.evaluate(() => { window.print = () => {} })
      await page.locator(`[data-test="${t}"]:visible`).first().click()
      const sheet = '[data-test=a4-sheet], [data-test=label-sheet]'
      await page.locator(sheet).first().waitFor({ state: 'attached' })
      await page.emulateMedia({ media: 'print' })
      await scan(page, lang, `${where} [${t}]`, findings, sheet)
      await page.emulateMedia({ media: 'screen' })
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
      await page.locator(sheet).first().waitFor({ state: 'detached' })
      n++
      opened.dialogs.add(`${where.replace(/^\S+ /, '')} ${t}`)
    }
    return n
  }

  // the first item of a list the user may read, or undefined
  const first = async (api, p) => (await api.call('GET', p).catch(() => null))?.items?.[0]

  return {
    async languageScan({ browser, base }) {
      const findings = []
      const officerApi = await apiUser(browser, base, 'officer')
      const decl = async (api, q) => (await first(api, `/declarations?order=newest&limit=1&${q}`))?.entry_no
      const entries = async (api, qs) => (await Promise.all(qs.map((q) => decl(api, q)))).filter(Boolean).map((e) => `/declarations/${e}`)
      const call = (await first(officerApi, '/vessels/arrivals?limit=1'))?.call_no
      const certs = (await Promise.all(['applied', 'issued'].map((s) => first(officerApi, `/certificates?status=${s}`))))
        .filter(Boolean).map((c) => `/certificates/${c.id}`)
      // an officer's declarations: under inspection, filed, permitted, released (print sheets), returned
      const officerDecls = await entries(officerApi, ['status=inspection', 'status=filed', 'status=permitted', 'status=released', 'status=returned'])
      await officerApi.close()
      // an enterprise's own declarations in each state, and its certificates
      async function own(user) {
        const api = await apiUser(browser, base, user)
        const out = [...await entries(api, ['status=filed', 'status=inspection', 'status=permitted', 'status=released', 'kind=summary']),
          ...(await Promise.all(['applied', 'issued'].map((s) => first(api, `/certificates?status=${s}`)))).filter(Boolean).map((c) => `/certificates/${c.id}`)]
        await api.close()
        return out
      }
      // who signs in (every demo account with a password), and the pages each reaches beyond its menu
      const roles = {
        admin: ['/enterprises/new', `/enterprises/${TRADING}`, `/enterprises/${TRADING}/edit`],
        officer: [...officerDecls, `/enterprises/${TRADING}`, call && `/vessels/${call}`, ...certs],
        officer2: officerDecls.slice(0, 2),
        manager: officerDecls.slice(0, 1),
        'dl-trading': ['/declarations/new', '/risk', ...await own('dl-trading')],
        'dl-fishery': await own('dl-fishery'),
        'dl-agent': await own('dl-agent'),
        'dl-broker': await own('dl-broker'),
        'demo-shipyard': await own('demo-shipyard'),
        'demo-kuaijie': await own('demo-kuaijie'),
        quarantine: [call && `/vessels/${call}`],
        liaison2: [],
      }
      for (const user of Object.keys(roles)) assert.ok(LOGINS[user], `${user} signs in`)
      const only = (process.env.HAIGUAN_SCAN_ROLES || '').split(',').filter(Boolean)
      for (const user of Object.keys(roles)) if (only.length && !only.includes(user)) delete roles[user]
      // the flight the counter's travellers came by, landed (as healthTour's): one for both languages
      let flight = null
      const flightNo = `HL${(Date.now() % 9000) + 1000}`
      if (roles.quarantine) {
        const q = await apiUser(browser, base, 'quarantine')
        flight = await q.call('POST', '/health/flights', { flight_no: flightNo, origin: 'KRSEL', port: 'CNDLC',
          scheduled_at: new Date(Date.now() - 30 * 60000).toISOString(), passengers: 180, crew: 10 }, 201)
        await q.call('POST', `/health/flights/${flight.id}/landing`, { landed_at: new Date(Date.now() - 20 * 60000).toISOString() }, 200)
        await q.close()
      }
      // a traveller of that flight declares (the public form's API) and gets the card's QR code
      async function declareTraveller(lang) {
        const anon = await browser.newContext({ baseURL: base })
        const r = await anon.request.post('/api/v1/health/declarations', { data: {
          name: lang === 'en' ? '王五' : '赵六', name_mrz: lang === 'en' ? 'WANG<<WU' : 'ZHAO<<LIU', sex: 'M', birth_date: '1949-12-31',
          nationality: 'CN', document_type: 'resident_id', document_no: '11010519491231002X', flight_no: flightNo,
          seat: lang === 'en' ? '12A' : '12B', port: 'CNDLC', entry_date: shanghaiDay(), visits: [], address: '大连市西岗区长江路8号',
          phone: '13812345678', contact_cases: false, fever_cluster: false, symptoms: [], antipyretics: false,
          warning_accepted: true } })
        assert.equal(r.status(), 201, await r.text())
        const { qr } = await r.json()
        await anon.close()
        return qr
      }
      const counted = {}
      // the two languages side by side, each in contexts of its own (they only read): the scan
      // is the suite's longest scenario
      await Promise.all(['zh-CN', 'en'].map(async (lang) => {
        const short = lang === 'en' ? 'en' : 'zh'
        const opened = { dialogs: new Set(), nothing: [], poppers: 0, tooltips: 0, popperMs: 0, seen: new Set() }
        let pages = 0
        let dialogs = 0
        // the public pages and the "not found" page
        {
          const { context, page } = await newPage(browser, base)
          watch(page)
          await page.addInitScript((l) => localStorage.setItem('haiguan.lang', l), lang)
          for (const p of ['/signin', '/health', '/health/receipt', '/verify', '/no-such-page']) {
            await page.goto(p)
            await scan(page, short, p, findings)
            pages++
          }
          // an unknown address inside the signed-in frame is the console's own "not found" page too
          await signIn(page, 'officer')
          const resp = await page.goto('/declarations/x/no-such-page')
          assert.equal(resp.status(), 404)
          await page.locator('h1', { hasText: short === 'en' ? 'Page not found' : '页面不存在' }).waitFor()
          await scan(page, short, 'officer /declarations/x/no-such-page', findings)
          pages++
          await context.close()
        }
        for (const [user, extra] of Object.entries(roles)) {
          const { context, page } = await newPage(browser, base)
          watch(page)
          await page.addInitScript((l) => localStorage.setItem('haiguan.lang', l), lang)
          await signIn(page, user)
          const paths = [...new Set([...await menuPaths(page), ...extra.filter(Boolean)])]
          for (const p of paths) {
            await page.goto(p)
            await scan(page, short, `${user} ${p}`, findings)
            opened.poppers += await scanPoppers(page, short, `${user} ${p}`, findings, null, opened)
            pages++
            dialogs += await scanDialogs(page, short, `${user} ${p}`, findings, opened)
          }
          // the health counter with a traveller's card: a declaration of the landed flight,
          // its QR code scanned as the counter's scanner types it, then the card's dialogs
          if (user === 'quarantine' && flight) {
            const qr = await declareTraveller(short)
            await page.goto('/health/counter')
            await page.locator('input[data-test=hc-scan]').fill(qr)
            await page.locator('input[data-test=hc-scan]').press('Enter')
            await page.locator('[data-test=hc-card]').waitFor()
            await scan(page, short, `${user} /health/counter [card]`, findings)
            opened.poppers += await scanPoppers(page, short, `${user} /health/counter [card]`, findings, null, opened)
            pages++
            dialogs += await scanDialogs(page, short, `${user} /health/counter [card]`, findings, opened)
          }
          // the menu's drawer of a phone's width
          await page.setViewportSize({ width: 390, height: 844 })
          await page.locator('[data-test=menu-button]').click()
          await page.locator('.el-drawer').waitFor()
          await scan(page, short, `${user} menu drawer`, findings, OVERLAY)
          dialogs++
          await page.keyboard.press('Escape')
          await page.locator('.el-drawer').waitFor({ state: 'hidden' })
          assert.deepEqual(page.problems, [], `${user} in ${lang}`)
          await context.close()
        }
        counted[short] = { roles: Object.keys(roles).length, pages, dialogs, kinds: opened.dialogs.size,
          poppers: opened.poppers, tooltips: opened.tooltips, popperSeconds: Math.round(opened.popperMs / 1000) }
        if (opened.nothing.length) console.log(`${short}: openers that opened nothing: ${opened.nothing.join(', ')}`)
        const counter = [...opened.dialogs].filter((d) => d.startsWith('/health/counter [card]'))
        if (roles.officer) assert.ok(opened.tooltips > 0, `${short}: a rule's status tooltip read`)
        if (roles.quarantine) assert.equal(counter.length, 3, `${short}: the counter's survey, exam and handover dialogs (${counter})`)
      }))
      findings.sort()
      console.log(`language scan: ${JSON.stringify(counted)} (dialogs: every one opened; kinds: distinct page and opener; poppers: selects, pickers and tooltips read, in popperSeconds)`)
      if (findings.length) console.log(`language scan findings (${findings.length}):\n${findings.join('\n')}`)
      assert.deepEqual(findings, [], 'words of the other language, not data (listed above)')
    },

    // issue 16: "the dashboard's figures match the API's for the same period and never show a
    // missing value as zero", in both languages: today's and this month's counts by status and
    // lane, releases, open inspections and the oldest one's age, revenue, the clearance time of
    // each of the 30 days (count, mean, median, p90 of both directions: the chart's table), and
    // the enterprises by credit level; then, with the API's answers made to fail, no zeros
    async dashboardFigures({ browser, base }) {
      const fmt = await import(new URL('../../../web/src/format.js', import.meta.url))
      const today = shanghaiDay()
      const month = `${today.slice(0, 8)}01`
      const end = fmt.dayEnd(today)   // the console's bound: tomorrow's midnight, excluded
      for (const lang of ['zh-CN', 'en']) {
        const { context, page } = await newPage(browser, base)
        watch(page)
        await page.addInitScript((l) => localStorage.setItem('haiguan.lang', l), lang)
        await signIn(page, 'manager')
        await page.waitForURL('**/dashboard')
        const api = async (p) => {
          const r = await page.request.get(`/api/v1${p}`)
          assert.equal(r.status(), 200, p)
          return r.json()
        }
        const period = (from) => `from=${encodeURIComponent(fmt.dayStart(from))}&to=${encodeURIComponent(end)}`
        const text = async (sel) => (await page.locator(`[data-test=${sel}]`).innerText()).trim()
        await page.locator('[data-test=count-month-status-released]').waitFor()
        await page.locator('[data-test=revenue-month]', { hasText: '¥' }).waitFor()
        for (const [key, from] of [['today', today], ['month', month]]) {
          const ov = await api(`/stats/overview?${period(from)}`)
          for (const st of ['filed', 'inspection', 'permitted', 'released', 'refused'])
            assert.equal(await text(`count-${key}-status-${st}`), String(ov.by_status[st] || 0), `${lang} ${key} ${st}`)
          for (const l of ['green', 'yellow', 'red', 'blue'])
            assert.equal(await text(`count-${key}-lane-${l}`), String(ov.by_lane[l] || 0), `${lang} ${key} ${l}`)
          assert.equal(await text(`released-${key}`), String(ov.released), `${lang} ${key} releases`)
          const tax = await api(`/tax/summary?${period(from)}`)
          assert.equal(await text(`revenue-${key}`), `¥${fmt.yuan(tax.revenue)}`, `${lang} ${key} revenue`)
          if (key === 'month') {
            assert.equal(await text('open-inspections'), String(ov.open_inspections), `${lang} open inspections`)
            const h = Number(ov.oldest_open_inspection_hours)
            const age = await text('oldest-inspection')
            if (!ov.open_inspections) assert.equal(age, '—')
            else assert.equal(Number(age.match(/[\d.]+/)[0]), Number((h >= 48 ? h / 24 : h).toFixed(1)), `${lang} oldest ${age} (${h} h)`)
          }
        }
        // the clearance time of each day, both directions: the same figures as the API's, a day
        // without releases — (the chart leaves a gap), never 0
        for (const d of ['import', 'export']) {
          const ct = await api(`/stats/clearance-time?group=day&direction=${d}`)
          const by = Object.fromEntries(ct.groups.filter((g) => g.total && g.total.count).map((g) => [g.key, g.total]))
          const table = page.locator(`[data-test=clearance-${d}] [data-test=clearance-table]`)
          await table.waitFor({ state: 'attached' })
          const shown = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.day, ...[...tr.cells].slice(1).map((c) => c.textContent.trim())]))
          assert.equal(shown.length, 30, `${lang} ${d}: 30 days`)
          let days = 0
          for (const [day, count, mean, median, p90] of shown) {
            const g = by[day]
            if (!g) { assert.deepEqual([count, mean, median, p90], ['—', '—', '—', '—'], `${lang} ${d} ${day}: no releases`); continue }
            days++
            assert.deepEqual([count, mean, median, p90], [String(g.count), g.mean_hours, g.median_hours, g.p90_hours], `${lang} ${d} ${day}`)
          }
          // every day the API counts in the chart's 30 is shown (the API's period may begin a day earlier)
          const first = shown[0][0]
          assert.equal(days, Object.keys(by).filter((k) => k >= first).length, `${lang} ${d}: the API's days`)
          assert.ok(days > 0, `${lang} ${d}: releases in the last 30 days (demo)`)
        }
        // the enterprises by credit level: as many as the registry lists of each
        let total = 0
        for (const c of ['advanced_certified', 'general_certified', 'general_credit', 'dishonest']) {
          let n = 0
          for (let cursor = ''; ;) {
            const r = await api(`/enterprises?credit_level=${c}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
            n += r.items.length
            if (!r.next_cursor) break
            cursor = r.next_cursor
          }
          total += n
          const link = page.locator(`[data-test=credit-${c}]`)
          assert.equal(await link.getAttribute('data-count'), String(n), `${lang} ${c}`)
          assert.match(await link.innerText(), new RegExp(`[:：]\\s*${n}$`), `${lang} ${c}`)
        }
        assert.equal(await text('ent-total'), String(total), `${lang} enterprises`)
        assert.deepEqual(page.problems, [], lang)
        // the API failing: its figures are not known, and none is shown as 0
        await page.route(/\/api\/v1\/(stats|tax\/summary|enterprises)/, (r) => r.fulfill({ status: 503, contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'unavailable', message: 'test: unavailable' } }) }))
        await page.reload()
        await page.locator('[data-state=error]').first().waitFor()
        await page.waitForFunction(() => !document.querySelector('[data-state=loading]'))
        await page.waitForTimeout(300)
        for (const sel of ['count-today-status-filed', 'count-month-lane-green', 'released-today', 'open-inspections'])
          assert.equal(await page.locator(`[data-test=${sel}]`).count(), 0, `${lang} no ${sel} without the API's answer`)
        assert.ok(await page.locator('[data-state=error]').count() >= 5, `${lang}: the cards say the figures failed`)
        assert.equal(await text('ent-total'), '—', `${lang}: the enterprises' total not known`)
        assert.equal(await page.locator('[data-test=clearance-table]').count(), 0)
        for (const c of ['advanced_certified', 'general_certified', 'general_credit', 'dishonest'])
          assert.equal(await page.locator(`[data-test=credit-${c}]`).count(), 0, `${lang} no ${c} count without the API's answer`)
        // the browser logs the answers refused on purpose, and nothing else
        assert.deepEqual(page.problems.filter((x) => !/status of 503/.test(x)), [], lang)
        await context.close()
      }
    },
  }
}
