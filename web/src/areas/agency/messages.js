// messages.js — the words of the agency-agreement page (代理报关委托) in Chinese and English
// (merged under `agency` by i18n.js).
export const zh = {
  menu: { agreements: '代理报关委托' },
  title: '代理报关委托',
  hint: '委托报关企业以本企业名义申报：在有效期内、在所列口岸，报关企业可代本企业申报；撤销后立即失效。',
  grant: '新增委托', broker: '报关企业（统一社会信用代码）', port: '口岸（关区代码）', from: '生效日期', to: '截止日期', submit: '确认委托',
  granted: '已委托', revoke: '撤销委托', revoked: '已撤销',
  given: '本企业委托的', held: '委托本企业代理的', noneGiven: '尚未委托报关企业', noneHeld: '暂无企业委托本企业',
  status: { active: '有效', revoked: '已撤销' },
  period: '{from} 至 {to}', principal: '委托方', agent: '报关企业', no: '委托编号',
}

export const en = {
  menu: { agreements: 'Agency agreements' },
  title: 'Agency agreements',
  hint: 'Entrust a customs broker to declare in your name: at the ports listed, during the period; a revoked agreement ends at once.',
  grant: 'New agreement', broker: 'Customs broker (USCC)', port: 'Port (customs code)', from: 'Valid from', to: 'Valid to', submit: 'Entrust',
  granted: 'Agreement registered', revoke: 'Revoke', revoked: 'Revoked',
  given: 'Agreements you gave', held: 'Agreements you hold', noneGiven: 'You have entrusted no broker', noneHeld: 'No enterprise has entrusted you',
  status: { active: 'Active', revoked: 'Revoked' },
  period: '{from} to {to}', principal: 'Principal', agent: 'Broker', no: 'Agreement no.',
}
