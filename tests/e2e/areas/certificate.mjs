// certificate.mjs — the browser scenarios of the certificate area's pages (issue 21), added to
// run.mjs's table by its addAreaScenarios (see there for the helpers given in `lib`).
//
// certificateTour is the tour a new user takes: an exporter of frozen fish (dl-fishery) applies
// for a health certificate; the inspection officer issues it; the PDF opens with Chinese and
// English text and a QR code (rendered by pdftoppm, read by zbarimg); the check offline (`haiguan
// certificate verify` with the published keys) and online (the public page, opened from the QR's
// text, on a phone, in Chinese and English) says valid; the officer replaces it (the old one
// annulled in the same step) and the old QR's check says "replaced by" the new number; three
// wrong codes lock the old one and its exporter sees the three mismatches.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import path from 'node:path'

const binary = path.resolve(process.argv[2] || 'build/haiguan')

export function scenarios({ assert, newPage, signIn, choose, apiUser, openTask, shot, FISHERY, newBill, work }) {
  // An export declaration of dl-fishery's frozen cod fillets, its goods inspected and passed, as
  // the carrier's agent, the exporter and the inspection officer would make it through the API.
  async function inspectedExport(browser, base) {
    const [agent, owner, officer] = await Promise.all([apiUser(browser, base, 'dl-agent'),
      apiUser(browser, base, 'dl-fishery'), apiUser(browser, base, 'officer')])
    const bill = newBill('CERT')
    await agent.call('POST', '/manifests', {
      direction: 'export', transport_mode: 'sea', vessel_imo: 'IMO9176187', voyage: 'E2EC', port: '0901',
      eta: new Date(Date.now() + 2 * 86400000).toISOString(),
      bills: [{ bill_no: bill, consignee: FISHERY, goods_description: 'frozen cod fillets', packages: 900, gross_weight_kg: 18600 }],
    }, 201)
    const d = await owner.call('POST', '/declarations', {
      direction: 'export', kind: 'complete', declarant: FISHERY, consignor: FISHERY, port: '0901', transport_mode: 'sea',
      bill_no: bill, trade_country: 'KR', packages: 900,
      items: [{ hs_code: '0304719000', name: '冷冻鳕鱼片', origin: 'CN', quantity: 18000, unit: '千克', value: '612000.00',
        currency: 'CNY', gross_weight_kg: 18600, net_weight_kg: 18000 }],
    }, 201)
    const now = await officer.call('GET', `/declarations/${d.entry_no}`, undefined, 200)
    if (now.status !== 'inspection')
      await officer.call('POST', `/declarations/${d.entry_no}/inspection`, { kind: 'manual', reason: '出口水产品检验检疫' }, 201)
    const task = await openTask(officer, d.entry_no)
    assert.ok(task, `an open inspection task of ${d.entry_no}`)
    await officer.call('POST', `/inspections/${task.id}/result`, { result: 'pass', findings: '感官检验合格，未检出致病菌' }, 200)
    await Promise.all([agent.close(), owner.close(), officer.close()])
    return d.entry_no
  }

  const result = (page) => page.locator('[data-test=cv-result]')

  return {
    // the page's reading of a QR text, in Node: Base45 by RFC 9285's own examples, and a CBOR map
    async certificateQrHelpers() {
      const cert = await import('../../../web/src/areas/certificate/cert.js')
      const text = (s) => new TextDecoder().decode(cert.base45Decode(s))
      assert.equal(text('BB8'), 'AB')
      assert.equal(text('%69 VD92EX0'), 'Hello!!')
      assert.equal(text('QED8WEX0'), 'ietf!')
      assert.throws(() => cert.base45Decode('GGW'), /Base45/)   // 65535 + 1: out of range
      assert.throws(() => cert.base45Decode('A'), /Base45/)
      // {"no": "09012026HC000001", "ver": 1}
      const map = Uint8Array.from([0xa2, 0x62, 0x6e, 0x6f, 0x70, ...new TextEncoder().encode('09012026HC000001'),
        0x63, 0x76, 0x65, 0x72, 0x01])
      assert.deepEqual(cert.cborDecode(map)[0], { no: '09012026HC000001', ver: 1 })
      await assert.rejects(cert.readQr('HC1:NCF'), /not a certificate QR code/)
      assert.equal(cert.qrOfPdf(new TextEncoder().encode('<< /Keywords (HGC1:ABC) >>')), 'HGC1:ABC')
      assert.equal(cert.qrOfPdf(new TextEncoder().encode('%PDF-1.5 nothing')), '')
    },

    async certificateTour({ browser, base }) {
      const entry = await inspectedExport(browser, base)

      // -- the exporter applies, first forgetting the consignee: the API's refusal under its field
      const ex = await newPage(browser, base)
      await signIn(ex.page, 'dl-fishery')
      await ex.page.goto('/my-certificates')
      await ex.page.locator('[data-test=certificate-mine]').waitFor()
      await ex.page.locator('[data-test=mc-apply]').click()
      await ex.page.locator('[data-test=mc-entry]').click()
      // a declaration that cannot be chosen says why, by its rule
      const refused = ex.page.locator('.el-select-dropdown__item.is-disabled:visible').first()
      await refused.waitFor()
      assert.match(await refused.innerText(), /尚未检验合格|仍在查验中|检验不合格|发货人/)
      await shot(ex.page, 'certificate-apply')
      await ex.page.locator('.el-select-dropdown__item:visible', { hasText: entry }).click()
      await choose(ex.page, ex.page.locator('[data-test=mc-kind]'), '卫生证书')
      await ex.page.locator('[data-test=mc-goods]').fill('冷冻鳕鱼片 18 吨（900 箱）')
      await ex.page.locator('[data-test=mc-submit]').click()
      const err = ex.page.locator('.el-form-item.is-error .el-form-item__error')
      await err.first().waitFor()
      assert.match(await err.first().innerText(), /consignee_name|收货人|1 到|输入/)
      await ex.page.locator('[data-test=mc-consignee]').fill('Busan Seafood Trading Co., Ltd.')
      await ex.page.locator('[data-test=mc-submit]').click()
      await ex.page.waitForURL(/\/certificates\/CA/)
      const detailUrl = new URL(ex.page.url()).pathname
      await ex.page.locator('[data-test=cd-status][data-status=applied]').waitFor()
      assert.match(await ex.page.locator('[data-test=cd-facts]').innerText(), /韩国/)
      await shot(ex.page, 'certificate-applied')

      // -- the inspection officer finds it first in the queue and issues it
      const off = await newPage(browser, base)
      await signIn(off.page, 'officer')
      await off.page.goto('/certificates')
      await off.page.locator('[data-test=certificate-queue]').waitFor()
      const card = off.page.locator(`[data-test=cl-items] li[data-entry="${entry}"]`)
      await card.waitFor()
      assert.equal(await off.page.locator('[data-test=cl-items] li').first().getAttribute('data-entry'), entry, 'newest first')
      await off.page.locator('[data-test=cl-q]').fill(entry.slice(-8))
      await off.page.locator('[data-test=cl-search]').click()
      await off.page.waitForURL((u) => u.searchParams.get('q') === entry.slice(-8))
      await card.locator('[data-test=cl-open]').click()
      await off.page.locator('[data-test=cd-issue]').click()
      await off.page.locator('.el-message-box__btns .el-button--primary').click()
      await off.page.locator('[data-test=cd-status][data-status=issued]').waitFor()
      const no = (await off.page.locator('[data-test=cd-no]').innerText()).trim()
      assert.match(no, /^09012026HC\d{6}$/)

      // -- the exporter downloads the PDF through the page's link
      await ex.page.reload()
      await ex.page.locator('[data-test=cd-status][data-status=issued]').waitFor()
      const href = await ex.page.locator('[data-test=cd-pdf]').getAttribute('href')
      const res = await ex.page.request.get(href)
      assert.equal(res.status(), 200)
      assert.equal(res.headers()['content-type'], 'application/pdf')
      const pdf = await res.body()
      const pdfPath = path.join(work, `${no}.pdf`)
      writeFileSync(pdfPath, pdf)
      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString()
      for (const needle of ['中华人民共和国海关', '卫生证书', 'Health Certificate', '发货人', 'Consignor', '收货人', 'Consignee',
        'Busan Seafood Trading Co., Ltd.', '冷冻鳕鱼片 18 吨', '韩国', 'Korea', no, entry, '验证码', 'Verification Code'])
        assert.ok(text.includes(needle), `${needle} in the PDF's text`)
      // the address it prints for the online check is the public page's
      const printed = /Verify online:\s*(\S+)/.exec(text)
      assert.ok(printed, 'the PDF prints where to verify it online')
      assert.equal(printed[1], `/verify?no=${no}`)
      // page 1 as an image, its QR code read as a scanner would
      execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', pdfPath, path.join(work, no)])
      const qr = execFileSync('zbarimg', ['--raw', '-q', path.join(work, `${no}.png`)]).toString().trim()
      assert.ok(qr.startsWith('HGC1:'), qr)
      const code = (await ex.page.locator('[data-test=cd-code]').innerText()).trim()

      // -- offline: the command with the published keys alone, as an importing authority would
      const keys = await (await ex.page.request.get('/api/v1/certificate-keys')).text()
      const keysPath = path.join(work, 'certificate-keys.json')
      writeFileSync(keysPath, keys)
      const offline = execFileSync(binary, ['certificate', 'verify', pdfPath, '--keys', keysPath]).toString()
      assert.match(offline, new RegExp(`^valid: certificate ${no}`, 'm'))
      assert.match(offline, /the PDF is the one signed/)

      // -- online: the public page, no sign-in, on a phone, opened with the QR's text
      const phone = await newPage(browser, base, { width: 375, height: 780 })
      await phone.page.goto(`/verify?qr=${encodeURIComponent(qr)}`)
      await result(phone.page).waitFor()
      assert.equal(await result(phone.page).getAttribute('data-result'), 'valid')
      assert.match(await result(phone.page).innerText(), /有效/)
      assert.match(await result(phone.page).innerText(), /卫生证书/)
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth)
      assert.ok(width <= 375, `the page fits a phone (${width}px)`)
      await shot(phone.page, 'certificate-verify-phone')
      // the genuine PDF it offers is the one issued, byte for byte
      const genuine = await phone.page.request.get(await phone.page.locator('[data-test=cv-genuine]').getAttribute('href'))
      assert.equal(genuine.status(), 200)
      assert.equal(createHash('sha256').update(await genuine.body()).digest('hex'),
        createHash('sha256').update(pdf).digest('hex'))
      // English
      await choose(phone.page, phone.page.locator('[data-test=lang]'), 'English')
      await phone.page.locator('[data-test=cv-result] .el-result__title', { hasText: 'Valid' }).waitFor()
      assert.match(await result(phone.page).innerText(), /Health Certificate/)
      await shot(phone.page, 'certificate-verify-phone-en')
      await choose(phone.page, phone.page.locator('[data-test=lang]'), '中文')
      // the printed address, with the number and code typed in
      await phone.page.goto(printed[1])
      await phone.page.locator('[data-test=cv-code]').fill(code)
      await phone.page.locator('[data-test=cv-submit]').click()
      await result(phone.page).waitFor()
      assert.equal(await result(phone.page).getAttribute('data-result'), 'valid')
      // and the PDF itself, chosen as a file: its QR text and SHA-256 go to the check
      await phone.page.locator('[data-test=cv-again]').click()
      await phone.page.locator('.el-tabs__item', { hasText: '上传 PDF' }).click()
      await phone.page.locator('[data-test=cv-pdf]').setInputFiles(pdfPath)
      await result(phone.page).waitFor()
      assert.equal(await result(phone.page).getAttribute('data-result'), 'valid')

      // -- the officer replaces it (the consignee corrected): the old one is annulled in the same step
      await off.page.locator('[data-test=cd-replace]').click()
      await off.page.locator('[data-test=cd-replace-submit]').click()
      const reasonErr = off.page.locator('.el-form-item.is-error .el-form-item__error')
      await reasonErr.first().waitFor()   // no reason: the API's refusal under the reason
      await off.page.locator('[data-test=cd-replace-reason]').fill('收货人名称有误，更正后换发 (consignee corrected)')
      await off.page.locator('[data-test=cd-replace-consignee]').fill('Busan Seafood Co., Ltd.')
      await off.page.locator('[data-test=cd-replace-submit]').click()
      await off.page.locator('[data-test=cd-status][data-status=annulled]').waitFor()
      const newNo = (await off.page.locator('[data-test=cd-replaced-by]').innerText()).trim()
      assert.match(newNo, /^09012026HC\d{6}$/)
      assert.notEqual(newNo, no)
      // the old QR's online check: replaced by the new number, linked
      await phone.page.goto(`/verify?qr=${encodeURIComponent(qr)}`)
      await result(phone.page).waitFor()
      assert.equal(await result(phone.page).getAttribute('data-result'), 'replaced')
      assert.equal((await phone.page.locator('[data-test=cv-replaced-by]').innerText()).trim(), newNo)
      assert.match(await result(phone.page).innerText(), /已被替换/)
      await shot(phone.page, 'certificate-verify-replaced')
      await phone.page.locator('[data-test=cv-replaced-by]').click()
      await phone.page.waitForURL((u) => u.searchParams.get('no') === newNo)
      assert.equal(await phone.page.locator('[data-test=cv-no]').inputValue(), newNo)

      // -- the new one, annulled with a reason, says so with its date and reason
      await off.page.locator('[data-test=cd-replaced-by]').click()
      await off.page.waitForURL((u) => !u.pathname.endsWith(detailUrl.split('/').pop()))
      await off.page.locator('[data-test=cd-no]', { hasText: newNo }).waitFor()
      const newCode = (await off.page.locator('[data-test=cd-code]').innerText()).trim()
      await off.page.locator('[data-test=cd-annul]').click()
      await off.page.locator('[data-test=cd-annul-reason]').fill('货物退关未出运 (goods not shipped)')
      await off.page.locator('[data-test=cd-annul-submit]').click()
      await off.page.locator('[data-test=cd-status][data-status=annulled]').waitFor()
      await phone.page.goto(`/verify?no=${newNo}&code=${newCode}`)
      await result(phone.page).waitFor()
      assert.equal(await result(phone.page).getAttribute('data-result'), 'annulled')
      assert.match(await phone.page.locator('[data-test=cv-annulled]').innerText(), /货物退关未出运/)

      // -- three forged checks of the old number lock it
      for (const wrong of ['ABCDEFGHJK', 'ZZZZZZZZZZ', '2345678923']) {
        await phone.page.goto(`/verify?no=${no}`)
        await phone.page.locator('[data-test=cv-code]').fill(wrong)
        await phone.page.locator('[data-test=cv-submit]').click()
        await result(phone.page).waitFor()
        assert.equal(await result(phone.page).getAttribute('data-result'), 'unknown')
      }
      await phone.page.goto(`/verify?qr=${encodeURIComponent(qr)}`)
      await result(phone.page).waitFor()
      assert.equal(await result(phone.page).getAttribute('data-result'), 'locked')
      assert.equal(await phone.page.locator('[data-test=cv-genuine]').count(), 0, 'no PDF for a locked certificate')

      // -- the exporter sees the three mismatches and the lock
      await ex.page.goto(detailUrl)
      await ex.page.locator('[data-test=cd-locked-banner]').waitFor()
      const mismatches = ex.page.locator('[data-test=cd-checks] li[data-matched=false]')
      // (the certificate shows, its banner with it, before its verifications have loaded)
      await mismatches.nth(2).waitFor({ state: 'attached' })
      assert.equal(await mismatches.count(), 3)
      assert.equal(await ex.page.locator('[data-test=cd-checks] li[data-matched=false][data-result=unknown]').count(), 3)
      await shot(ex.page, 'certificate-exporter-checks')
      // and finds it in its list by number
      await ex.page.goto(`/my-certificates?q=${no}`)
      await ex.page.locator(`[data-test=cl-items] li[data-no="${no}"]`).waitFor()

      // -- the registry pages with the API's cursor (the shared pager): every status, 10 a page
      await off.page.goto('/certificates?status=all&limit=10')
      const cards = off.page.locator('[data-test=cl-items] li')
      await cards.first().waitFor()
      assert.equal(await cards.count(), 10)
      const firstOfPage1 = await cards.first().getAttribute('data-id')
      await off.page.locator('[data-test=next]').click()
      await off.page.locator('[data-test=page]', { hasText: '2' }).waitFor()
      await off.page.waitForFunction((id) => document.querySelector('[data-test=cl-items] li')?.dataset.id !== id, firstOfPage1)
      await off.page.locator('[data-test=prev]').click()
      await off.page.waitForFunction((id) => document.querySelector('[data-test=cl-items] li')?.dataset.id === id, firstOfPage1)

      for (const p of [ex.page, off.page, phone.page]) assert.deepEqual(p.problems, [])
      await Promise.all([ex.context.close(), off.context.close(), phone.context.close()])
    },
  }
}
