// i18n.js — the console's words in Chinese (the default) and English. The chosen language is
// a preference, not a secret: it is kept in localStorage ('haiguan.lang').
import { createI18n } from 'vue-i18n'
import { setApiLanguage } from './api.js'

const zh = {
  app: { name: '海关通关监管系统', short: '海关' },
  lang: { label: '语言', zh: '中文', en: 'English' },
  common: {
    loading: '加载中…', empty: '暂无数据', retry: '重试', error: '出错了', search: '查询', reset: '重置',
    save: '保存', cancel: '取消', create: '新建', edit: '编辑', back: '返回', yes: '是', no: '否',
    prev: '上一页', next: '下一页', page: '第 {n} 页', perPage: '每页', all: '全部', actions: '操作',
    confirm: '确认', close: '关闭', details: '详情', requestId: '请求编号', menu: '菜单', pager: '翻页',
  },
  auditAct: {
    card_issue: '发放IC卡/电子标签', certificate_annul: '作废原产地证书', certificate_apply: '申请原产地证书',
    certificate_issue: '签发原产地证书', certificate_replace: '换发原产地证书', certificate_verify: '核验原产地证书',
    declaration_change_approve: '批准报关单修改/撤销', declaration_change_refuse: '驳回报关单修改/撤销',
    declaration_change_request: '申请报关单修改/撤销', declaration_refile: '重新申报', declaration_return: '退单',
    declaration_draft_create: '暂存报关单草稿', declaration_draft_discard: '删除报关单草稿', gate_bind_controller: '绑定卡口控制器',
    gate_create: '登记卡口', gate_event: '卡口过卡', gate_override: '卡口人工放行', health_handover_alarm: '移交超时告警',
    liaison_escalate: '联络问题超时上报', liaison_opened: '获知联络问题', liaison_raise: '提出联络问题', liaison_reopened: '重新打开联络问题',
    liaison_replied: '答复联络问题', liaison_resolved: '提交解决方案', liaison_solved: '确认解决', liaison_visit: '走访企业',
    refdata_green_channel_create: '登记绿色通道', risk_rule_activate: '启用布控规则', tax_general_guarantee_accept: '接受总担保',
    tax_general_guarantee_post: '提交总担保', tax_supplementary_pay: '缴纳补税', vessel_arrived: '船舶抵港', vessel_boarding: '登临检疫',
    vessel_declare: '船舶入境申报', vessel_departed: '船舶离港', vessel_order_lift: '解除检疫指令', vessel_pratique: '签发入境检疫证',
    vessel_purge: '清理船舶个人信息', vessel_sample_result: '船舶样品检测结果', vessel_task_done: '完成船舶检疫任务',
    vessel_testing: '船员检测',
    agency_create: '登记代理报关委托', agency_revoke: '撤销代理报关委托', arrival_report: '运抵报告', declaration_complete: '完整申报',
    declaration_export: '导出报关单', manifest_export: '导出舱单', tax_bill_export: '导出税单', enterprise_export: '导出企业', sample_export: '导出样品', user_export: '导出用户', liaison_problem_export: '导出联络问题',
    declaration_file: '申报报关单', declaration_permit_entry: '准许入境（两段准入）',
    declaration_release: '放行报关单', enterprise_create: '新建企业', enterprise_update: '修改企业', inspection_fail: '查验不合格',
    inspection_order: '下达查验', inspection_pass: '查验通过', inspection_attendance_waived: '申请查验免到场', aeo_audit_plan: '抽取稽查计划', manifest_arrived: '运输工具申报进境', manifest_create: '申报舱单',
    release_gate_out: '卡口放行出区', sample_negative: '检测结果阴性', sample_positive: '检测结果阳性', tax_guarantee: '提交税款担保',
    tax_assess: '核定税款', tax_pay: '缴纳税款', tax_decision_approve: '批准延期/减免', tax_decision_reject: '驳回延期/减免', tax_deferral_request: '申请延期缴纳',
    tax_waiver_request: '申请减免滞纳金', tax_guarantee_accept: '接受担保', tax_guarantee_reject: '驳回担保',
    tax_guarantee_convert: '担保转征', tax_guarantee_lapse: '担保失效', token_create: '创建接口令牌', token_revoke: '吊销接口令牌',
    user_create: '新建用户', user_disable: '停用用户', user_password: '修改密码', webhook_create: '新建 Webhook 订阅',
    webhook_delete: '删除 Webhook 订阅', webhook_replay: '重发 Webhook 消息', risk_rule_create: '新建布控规则',
    risk_rule_update: '修改布控规则', risk_rule_suspend: '暂停布控规则', risk_rule_resume: '恢复布控规则', health_declare: '旅客健康申明',
    health_flight: '登记入境航班', health_land: '航班落地', health_board: '登临检疫', health_scan: '验放台扫码', health_check: '体温与问询',
    health_sample: '旅客采样', health_samples_sent: '样品送检', health_result: '旅客检测结果', health_clear: '旅客放行',
    health_handover: '转运移交', health_handover_ack: '移交签收', health_purge: '清除健康数据',
  },
  doc: {
    printDeclaration: '打印报关单', printRelease: '打印放行通知书', printTax: '打印缴款书',
    declarationTitle: { import: '中华人民共和国海关进口货物报关单', export: '中华人民共和国海关出口货物报关单' },
    releaseTitle: '海关放行通知书', releaseText: '{who}：提运单 {bill} 项下货物已经海关审核，准予放行。',
    colon: '：', party: '{name}（{code}）',
    allContainers: '提运单项下全部集装箱', taxTitle: '海关税款缴款书', payer: '缴款单位',
    taxText: '请于 {date} 前缴纳；逾期按日加收滞纳税款万分之五的滞纳金。',
    declarantSeal: '申报单位（签章）', customsSeal: '海关（签章）', bankSeal: '收款银行（签章）',
  },
  hold: {
    title: '放行前尚待', ready: '放行条件', none: '放行条件均已满足，可以放行', blocked: '暂不能放行：{why}',
    arrival: '等待码头对提运单 {bill} 的运抵报告', task: '查验任务 #{id}（{kind}），{at} 下达', toQueue: '到查验作业',
    sample: '样品 {barcode}（{kind}）：{status}', tax: '应缴税款 ¥{amount}，缴款期限 {date}',
    waive: '申请免到场', waived: '已申请免到场，由场站人员协助查验', waiveTitle: '申请查验免到场',
    waiveReason: '申请理由', waiveNote: '认证企业可申请查验时不到场，由监管场所人员协助并签字确认。', waiveDone: '已申请免到场',
  },
  steps: {
    label: '通关进度', filed: '申报', review: '审单', inspect: '查验', tax: '缴税', release: '放行', out: '出区', skipped: '免验',
  },
  list: {
    today: '今天', week: '本周', month: '本月', lastMonth: '上月', more: '更多筛选', less: '收起筛选',
    export: '导出', exported: '已导出 CSV', exportFailed: '导出失败', start: '开始日期', end: '结束日期', rangeTo: '至',
  },
  signin: {
    title: '登录', username: '用户名', password: '密码', submit: '登录', failed: '用户名或密码错误',
    throttled: '登录失败次数过多，请稍后再试', required: '请输入{field}',
  },
  shell: { signOut: '退出登录', signedOut: '已退出登录', expired: '会话已过期，请重新登录', skip: '跳到主要内容' },
  notFound: { title: '页面不存在', text: '您访问的地址 {path} 不存在，可能输入有误或页面已移动。', home: '返回首页' },
  menu: {
    dashboard: '工作台', enterprises: '企业管理', myEnterprise: '本企业', audit: '审计日志', users: '用户管理',
    tokens: '接口令牌', declarations: '报关单', inspections: '查验作业', tax: '税收', myDeclarations: '我的报关单',
    fileDeclaration: '申报报关单', myManifests: '我的舱单', myTax: '我的税单', risk: '风险布控',
    myNotifications: '消息通知', myWebhooks: 'Webhook 订阅',
  },
  role: { admin: '管理员', officer: '关员', enterprise: '企业用户', system: '系统' },
  post: {
    clearance: '通关', risk: '风险', inspection: '查验', tax: '税收', gate: '卡口', quarantine: '卫生检疫',
    bonded: '保税', liaison: '关企联络', enterprise: '企业管理', antismuggling: '缉私', manager: '关区领导',
  },
  credit: { advanced_certified: '高级认证', general_certified: '一般认证', general_credit: '一般信用', dishonest: '失信' },
  kind: {
    importer: '进口商', exporter: '出口商', broker: '报关企业', shipping_agent: '船舶代理', shipyard: '船厂',
    bonded_warehouse: '保税仓库', ecommerce_platform: '跨境电商平台', logistics: '物流企业', manufacturer: '生产企业',
    airline: '航空公司', terminal: '码头',
  },
  ent: {
    title: '企业管理', uscc: '统一社会信用代码', customs_code: '海关编码', name_zh: '中文名称', name_en: '英文名称',
    kind: '企业类型', credit_level: '信用等级', coordinator: '协调员', created_at: '创建时间', updated_at: '更新时间',
    q: '名称、代码关键字', new: '新建企业', editTitle: '编辑企业', created: '企业已创建', saved: '已保存',
    notFound: '没有这家企业，或您无权查看', mine: '本企业信息', noneBound: '您的账号未绑定企业',
  },
  check: {
    required: '必填', uscc_length: '统一社会信用代码应为 18 位', uscc_chars: '只能包含数字和大写字母（不含 I、O、Z、S、V）',
    uscc_division: '第 3–8 位（行政区划码）应为数字', uscc_org_check: '第 17 位组织机构代码校验位错误（GB 11714）',
    uscc_check: '第 18 位校验位错误（GB 32100）', customs_code_length: '海关编码应为 10 位',
    customs_code_chars: '只能包含数字和大写字母', customs_code_area: '前 4 位（关区代码）应为数字',
    name_zh: '中文名称应为 2–100 个字符', name_en: '英文名称最多 200 个字符', coordinator: '最多 32 个字符',
  },
  audit: {
    title: '审计日志', object: '对象', objectHint: '类型或 类型:编号，如 enterprise:9121…', actor: '操作人',
    period: '时间段', from: '开始日期', to: '结束日期', seq: '序号', at: '时间', action: '动作', before: '变更前',
    after: '变更后', whole: '审计链完整', broken: '审计链已断裂：第 {seq} 行（{reason}）', rows: '共 {n} 行',
    checkpoints: '{n} 个签名检查点', verifying: '正在校验审计链…',
  },
  users: {
    q: '用户名、岗位或企业代码',
    title: '用户管理', name: '用户名', role: '角色', posts: '岗位', enterprise: '所属企业', disabled: '状态',
    active: '正常', off: '已停用', disable: '停用', disableConfirm: '停用用户 {name}？其会话与令牌将立即失效。',
    new: '新建用户', password: '密码', passwordRule: '密码应为 12–128 个字符', created: '用户已创建',
    disabledOk: '用户已停用',
    displayName: '姓名', rename: '改姓名', renameOf: '用户 {name} 的姓名（其他页面显示的名字，可留空）', renamed: '姓名已更新',
    displayNameRule: '姓名最多 64 个字符',
  },
  webhooks: {
    title: 'Webhook 订阅',
    intro: '登记本企业的接收地址，海关即把本企业报关单、税单等事件推送过去（按 Standard Webhooks 签名，失败自动重试三天）。',
    url: '接收地址', urlRule: '请填写 http:// 或 https:// 开头的地址', types: '事件类型', allTypes: '全部事件',
    description: '说明', create: '登记', once: '签名密钥只显示这一次，请立即复制保存：',
    signing: '用它校验请求头 webhook-signature：HMAC-SHA256(密钥, webhook-id.webhook-timestamp.请求体)。',
    status: '状态', state: { active: '启用', disabled: '已停用', pending: '待投递', delivered: '已送达', failed: '已放弃' },
    log: '投递记录', delete: '删除', deleted: '已删除', deleteConfirm: '删除 {url} 及其投递记录？',
    logOf: '投递记录：{url}', fromSeq: '自事件序号之后', replayFrom: '重新投递', replay: '重投',
    queued: '已重新排队 {n} 条', eventType: '事件类型', attempts: '尝试次数', lastStatus: '最近应答', next: '下次尝试',
    deliveredAt: '送达时间',
  },
  tokens: {
    title: '接口令牌', user: '用户', scopes: '范围', scopesHint: '逗号分隔的业务域（如 arrival、lab、gate），或 *', create: '生成令牌',
    once: '令牌只显示这一次，请立即复制保存：', id: '编号', revoke: '吊销', revokeId: '按编号吊销令牌',
    revoked: '令牌已吊销', revokeConfirm: '吊销令牌 {id}？', listNote: '出于安全，服务器只保存令牌的散列；本页列出本次会话中生成的令牌。',
  },
  dash: {
    title: '工作台', byCredit: '企业信用等级分布', total: '企业总数', audit: '审计链', more: '即将上线：报关单、查验、税收等统计',
    today: '今日', month: '本月', by_status: '报关单（按状态，按申报时间）', by_lane: '报关单（按通道，按申报时间）',
    flow: '放行、税收与查验', releases: '放行', oldest: '最久待查验任务已等待', days: '{n} 天',
    releasesNote: '点击报关单数量可查看同样条件的报关单列表；放行数按放行时间统计。',
  },
  decl: {
    title: '报关单', entry_no: '报关单号', direction: '进出口', kind: '申报类型', declarant: '申报单位',
    consignee: '境内收货人', consignor: '境内发货人', port: '申报地海关', transport_mode: '运输方式', bill_no: '提运单号',
    trade_country: '贸易国', status: '状态', lane: '通道', advance: '提前申报', filed_at: '申报时间',
    permitted_at: '准许入境时间', released_at: '放行时间', completed_at: '完整申报时间', arrived_at: '运抵时间',
    overdue: '两步申报逾期', overdueOnly: '仅逾期未完整申报', period: '申报日期', from: '开始日期', to: '结束日期',
    releasedFrom: '放行日期起', releasedTo: '放行日期止', gate_out_at: '出卡时间', releasedPeriod: '放行日期',
    q: '报关单号、提运单号、集装箱号、车架号',
    enterprise: '企业（统一社会信用代码）', flags: '通关模式', ship_side_pickup: '船边直提', arrival_direct_loading: '抵港直装',
    green_channel: '绿色通道', release_first: '先放后检', header: '表头', items: '商品项', timeline: '时间轴',
    notFound: '没有这份报关单，或您无权查看', samples: '样品', noSamples: '没有样品', tax: '税款',
    release: '放行', releaseConfirm: '确认放行报关单 {n}？', released: '已放行',
    permit: '准许入境（两段准入）', permitConfirm: '准许报关单 {n} 的货物在检测结果出来前入境（封存运至收货人场所）？',
    permitted: '已准许入境', complete: '完整申报', completeTitle: '完整申报：填写每项商品的申报要素', completed: '已完整申报',
    new: '申报报关单', newTitle: '申报报关单', filed: '报关单已申报：{n}', addItem: '添加商品项', removeItem: '删除',
    item: '第 {n} 项', actor: '操作人', event: '事件', detail: '说明', open: '打开',
    mine: '我的报关单', plain: '进展', yes: '是', portRule: '应为 4 位关区代码', countryRule: '应为 2 位国家代码（如 JP）',
    hsRule: '商品编号应为 10 位数字', intRule: '应为正整数', moneyRule: '金额最多两位小数',
  },
  tl: {
    advance: '提前申报', lane: '通道', kind: '方式', reason: '原因', barcode: '条形码', line_no: '商品项', amount_fen: '金额',
    late_fee_fen: '滞纳金', findings: '查验情况', disposal: '处置', automatic: '自动', stage: '阶段', inspection: '查验任务',
    note: '意见', guarantor: '担保人', rule: '规则', gate: '卡口', container: '集装箱', vehicle: '车辆', credit_level: '信用等级',
    valid_until: '有效期至', decided_by: '审批人', entry_no: '报关单号', status: '状态', at: '时间', bill_no: '提运单号',
    container_no: '集装箱号', cause: '原因', after: '调整后税款', before: '调整前税款', outcome: '结果', tax: '税款',
    days_late: '逾期天数', late: '逾期', late_declaration_fee: '滞报金', result: '检测结果', supplementary: '补税',
    corrected: '已更正', with_declarant_ms: '申报人用时', vin: '车架号', refund: '退税', amount: '金额', total: '合计',
    guarantee: '担保金额', minutes: '{n} 分钟',
    v: { approved: '已批准', rejected: '已驳回', pending: '待审批', reissued: '重新开具', supplementary: '补税', refund: '退税',
      void: '作废', modification: '修改', amendment: '更正', cancellation: '撤销', negative: '阴性', positive: '阳性',
      unchanged: '不变', refile: '退单重报' },
  },
  status: { filed: '已申报', inspection: '查验中', permitted: '已准许入境', released: '已放行', refused: '不予放行',
    returned: '已退单', cancelled: '已撤单' },
  lane: { green: '绿色', yellow: '黄色', red: '红色', blue: '蓝色', none: '未分配' },
  notify: {
    title: '消息通知', live: '实时',
    // by event type: 'declaration.filed' is type.declaration.filed
    type: {
      declaration: {
        filed: '报关单已申报', selected_for_inspection: '报关单被布控查验', released: '报关单已放行',
        refused: '货物未通过查验（退运或销毁）',
      },
      tax: { due: '税款待缴纳', paid: '税款已缴纳' }, sample: { result: '检测结果' }, risk: { rule_changed: '布控规则变更' },
    },
    lane: '通道：{lane}', result: { negative: '阴性', positive: '阳性' }, disposal: { return: '退运', destroy: '销毁' },
  },
  direction: { import: '进口', export: '出口' },
  dkind: { complete: '完整申报', summary: '概要申报' },
  mode: { sea: '水路', air: '航空', road: '公路', rail: '铁路' },
  event: {
    filed: '申报', screened: '风险甄别', risk: '风险布控命中', inspection_opened: '布控查验', sampled: '取样',
    sample_negative: '检测阴性', sample_positive: '检测阳性', inspection_passed: '查验通过', inspection_failed: '查验不合格',
    follow_up_required: '需后续处置', permitted_entry: '准许入境', released: '放行', completed: '完整申报',
    tax_paid: '缴纳税款', tax_guaranteed: '税款担保', approved: '批准', rejected: '驳回', tax: '税款', arrived: '运抵',
    manifest: '舱单', manifest_arrived: '运输工具进境', deferral_approved: '批准延期缴纳', deferral_rejected: '驳回延期缴纳',
    waiver_approved: '批准减免滞纳金', waiver_rejected: '驳回减免滞纳金', gate_out: '卡口放行出区',
    transport_arrived: '运输工具申报进境', goods_arrived: '运抵报告', inspection_ordered: '关员下达查验',
    second_officer_release: '另一关员放行（岗位分离）', attendance_waived: '申请查验免到场（认证企业）',
    change_requested: '申请修撤单', modified: '修改获批', cancelled: '撤单获批', change_refused: '修撤单被驳回',
    amended: '补税/退税更正', returned: '退单', refiled: '重新申报', rescreened: '重新风险甄别', tax_reassessed: '税款重新核定',
    supplementary_paid: '补税已缴',
  },
  item: {
    hs_code: '商品编号', name: '商品名称', elements: '申报要素', origin: '原产国', quantity: '数量', unit: '单位',
    value: '总价', currency: '币制', gross_weight_kg: '毛重(千克)', net_weight_kg: '净重(千克)', frozen: '冷冻/冷藏',
    producer: '境外生产企业注册号', vins: '车架号',
    price_terms: '成交方式', freight: '运费', insurance: '保险费', other_costs: '其他计入完税价格的费用',
    certificate_no: '原产地证书编号', insuranceHint: '不填按货价加运费的 3‰ 计',
    terms: { CIF: 'CIF 成本加保险费加运费', CFR: 'CFR 成本加运费', FOB: 'FOB 船上交货', EXW: 'EXW 工厂交货' },
  },
  plain: {
    awaitingArrival: '等待运抵报告', inspection: '已被布控查验', permitted: '已准许入境，等待检测结果',
    released: '已放行', refused: '不予放行（退运或销毁）', taxDue: '税款待缴 ¥{amount}，缴款期限 {date}',
    awaitingRelease: '等待放行', completeBy: '需完整申报', overdue: '两步申报逾期未完整申报',
    returned: '已退单，请更正后重新申报', cancelled: '已撤单',
  },
  tax: {
    q: '报关单号或企业代码',
    title: '税收', bill: '税单', status: '税单状态', duty: '关税', consumption_tax: '消费税', vat: '增值税',
    total: '税款合计', late_fee: '滞纳金', late_days: '滞纳天数', amount_due: '应缴金额', due_date: '缴款期限',
    issued_at: '开具时间', paid_at: '缴款时间', working: '计税过程', dutiable_value: '完税价格', duty_rate: '关税税率',
    consumption_rate: '消费税税率', consumption_base: '消费税计税价格', vat_base: '增值税计税价格', vat_rate: '增值税税率',
    none: '此报关单没有税单', waived: '滞纳金已减免', pay: '缴纳税款', payConfirm: '缴纳报关单 {n} 的税款 ¥{amount}？',
    paid: '税款已缴纳', guarantee: '提供担保', guarantor: '担保人（银行保函等）', guaranteeAmount: '担保金额',
    guaranteed: '担保已生效', guarantee_amount: '担保金额',
    guaranteePending: '担保已提交，待税务关员审核（担保人非本关区已备案的银行或保险机构，或为保证金）',
    letterNo: '保函编号', validUntil: '担保有效期至（不填：缴款期限届满日）',
    st: { due: '待缴', paid: '已缴', guaranteed: '已担保', deferred: '已延期', none: '无需缴税', void: '已作废' },
    decisions: '延期/减免申请', pending: '待审批', kind: '类型', requested_by: '申请人', reason: '理由', until: '延期至',
    approve: '批准', reject: '驳回', note: '意见', noteRequired: '请填写意见', decided: '已审批',
    waiver: '减免滞纳金', deferral: '延期缴纳', dstatus: { pending: '待审批', approved: '已批准', rejected: '已驳回' },
    summary: '税收汇总', revenue: '已征税款', outstanding: '欠缴税款', deferred: '延期税款', late_fees_collected: '已征滞纳金',
    request: '申请延期/减免', requested: '申请已提交，等待税收关员审批',
    late_fees_waived: '减免滞纳金', bills: '税单数', waivers: '减免笔数', requested_at: '申请时间',
    billList: '税单', overdue: '已逾期', trader: '收发货人', mine: '我的税单',
  },
  insp: {
    title: '查验作业', q: '报关单号、提运单号', randomSelection: '随机布控', reasonSep: '；', queue: '待查验任务', id: '任务号', kind: '查验方式', reason: '布控原因', created_at: '下达时间',
    green: '绿色通道', result: '录入结果', pass: '通过', fail: '不合格', findings: '查验情况', disposal: '处置',
    return: '退运', destroy: '销毁', recorded: '查验结果已录入', samples: '样品与条码', barcode: '条形码',
    print: '打印条码', labelEntry: '报关单号', sampleKind: '样品类型', sampleStatus: '检测状态', line_no: '商品项', age: '已等待',
    hours: '{n} 小时', manual: '人工查验', machine: '机检', disposal_task: '处置',
    priority2: '高级认证优先', priority1: '一般认证优先', waived: '企业免到场', witness: '协助查验人（场站）',
    witnessHint: '企业未到场：填写在场协助并签字的监管场所人员',
    sst: { pending: '待检测', negative: '阴性', positive: '阳性' }, nucleic_acid: '核酸检测',
  },
  mf: {
    title: '我的舱单', manifest_no: '舱单编号', vessel: '船舶/航班/车辆', eta: '预计抵港', status: '状态', bills: '提运单',
    goods: '货物描述', packages: '件数', containers: '集装箱号', st: { filed: '已申报', arrived: '已进境' },
    q: '舱单编号、提运单号、集装箱号、船名、航次或航班', filer: '舱单传输人', created_at: '申报时间',
  },
  ct: {
    title: '整体通关时间（最近 30 天，按日）', mean: '平均', median: '中位数', p90: '90 分位', hours: '小时',
    baseline: '基准年', baselineMean: '{y} 年同期平均', noBaseline: '无基准', none: '这段时间没有放行的{d}报关单',
    openInsp: '待查验任务', revenue: '已征税款', day: '日期', releases: '放行票数',
    few: '空心点：当日放行少于 {min} 票（共 {n} 天），统计意义有限；没有放行的日子留空，不记为 0。',
    counts: '按放行时间统计：每一点是当日放行的报关单自运抵至放行的时间。',
  },
  risk: {
    title: '风险布控', rules: '布控规则', import: '导入总署指令', try: '试运行规则', stats: '布控统计',
    notAllowed: '无权访问此页面', notAllowedSub: '风险布控仅对风险岗位关员和关区领导开放',
    name: '规则名称', source: '来源', issuer: '发布单位', status: '状态', lane: '通道', inspection: '查验方式',
    direction: '进出口', ports: '口岸（逗号分隔）', note: '给查验关员的提示', conditions: '条件（须全部满足）',
    kind: '条件类型', values: '取值（逗号分隔）', min: '最小', max: '最大', reference: '参考单价', ratio: '低于比例 %',
    addCondition: '添加条件', remove: '删除', sampling: '采样', addSampling: '添加采样', rate: '比例 %', fire: '触发比例 %',
    valid_from: '生效时间', valid_to: '失效时间', updated_at: '更新时间', readOnly: '只读：关区领导可查看，不可修改',
    suspend: '暂停', resume: '恢复', confirmSuspend: '暂停规则「{name}」？下一次布控起不再命中。',
    confirmResume: '恢复规则「{name}」？', suspended: '规则已暂停', resumed: '规则已恢复', saved: '规则已保存',
    newRule: '新建规则', editRule: '编辑规则',
    st: { active: '生效', suspended: '已暂停', expired: '已过期' },
    src: { hq: '总署', district: '直属关', port: '隶属关' },
    dir: { import: '进口', export: '出口', both: '进出口' },
    insp: { manual: '人工查验', machine: '机检', document: '单证审核', none: '不查验' },
    laneOf: { red: '红色（实货查验）', yellow: '黄色（单证审核）', blue: '蓝色（稽核）', green: '绿色' },
    ck: {
      hs_prefix: '商品编码前缀', origin_country: '原产国', trade_country: '贸易国', consignee: '收货人', consignor: '发货人',
      declarant: '申报单位', credit_level: '信用等级', transport_mode: '运输方式', port: '口岸', declaration_kind: '申报类型',
      item_value: '商品总价（元）', unit_price_below: '单价低于参考价', gross_weight: '毛重（克）', keyword: '品名关键词',
      cold_chain: '冷链商品', container: '集装箱号', vessel_imo: '船舶 IMO', bill_no: '提运单号',
    },
    check: {
      required: '必填', hs_prefix: '商品编码前缀应为 2–10 位数字', range_empty: '请至少填写最小或最大值',
      number: '应为数字', range_inverted: '最小值不能大于最大值', percent: '比例应在 0–100% 之间',
      values: '请至少填写一个取值', conditions: '请至少添加一个条件',
    },
    importHint: '服务器未提供 HTTP 导入接口（整批导入请用命令 haiguan risk import FILE）。此处逐行新建规则，每行一条 JSON。',
    pickFile: '选择 JSON Lines 文件', paste: '或粘贴 JSON Lines', runImport: '逐行导入', line: '行', result: '结果',
    created: '已创建 #{id}', badJson: 'JSON 格式错误', importDone: '导入完成：成功 {ok} 行，失败 {bad} 行',
    declaration: '报关单（风险视图 JSON）', recent: '选择近期报关单', runScreen: '试运行', hits: '命中规则',
    fired: '触发', matched: '命中取值', item: '商品项', random: '随机布控', selected: '选中', notSelected: '未选中',
    reason: '原因', screenings: '布控次数', byLane: '各通道', hitsByRule: '按规则命中', rule: '规则', fireCount: '触发次数',
    byCredit: '按信用等级的查验率', rateActual: '实际查验率 %', rateCeiling: '政策界限 %', ofGeneral: '相对一般信用',
    policy: '政策：高级认证 ≤ 一般信用的 20%，一般认证 ≤ 50%，失信 ≥ 80%', ok: '符合', breach: '不符合',
  },
  stage: { qualified_for_market: '准予上市（两段准入第二段）' },
  apiMsg: {
    alreadyReleased: '该报关单已放行', refusedNever: '不予放行的货物（退运或销毁）不能放行',
    positiveNever: '样品检测阳性：货物须退运或销毁，不能放行',
    needArrival: '放行需要运抵报告（抵港直装亦然；船边直提需要运输工具进境申报）',
    needInspection: '该报关单已被布控查验，查验通过后才能放行', waitSamples: '放行须等待样品检测结果',
    taxDue: '税款未缴：放行需要缴纳、担保或批准延期', onlyAuto: '只有绿色和蓝色通道自动放行',
    alreadyPermitted: '货物已准许入境', permitNoSamples: '两段准入仅适用于等待检测结果的货物，本单没有待检样品',
    orderStatus: '只能对尚未放行、且未在查验中的报关单下达查验指令（当前状态：{status}）',
    inspectionDone: '该查验任务已录入结果', waiverCredit: '查验免到场仅适用于认证企业（按申报单位与收发货人中较低的信用等级）',
    waiverNone: '该报关单没有待企业到场的实货查验任务', needWitness: '企业未到场：请填写协助查验并签字的场站人员',
    positiveCannotPass: '样品检测阳性，查验不能通过',
    sampleDone: '该样品已有检测结果', onlyFailedDisposed: '只有查验不合格的货物才需要处置',
    failedNeedsDisposal: '查验不合格须选择处置方式：退运或销毁', failedNeedsFindings: '查验不合格须填写查验情况',
    suspendedProducer: '境外生产企业 {producer} 因 {n} 次核酸检测阳性被暂停进口，至 {until}',
    alreadyCompleted: '该报关单已完整申报', onlySummary: '只有概要申报需要完整申报',
    elementsPerItem: '每项商品需填写一条申报要素（共 {n} 项）',
    taxPaid: '该报关单税款已缴纳', noTaxDue: '该报关单没有应缴税款', guaranteeForDue: '只能为待缴税款提供担保（当前：{status}）',
    paidNothingToDefer: '税款已缴纳，无需延期', requestPending: '该报关单已有待审批的{kind}申请',
    requestDecided: '该申请已经{status}', decidedByOther: '申请须由申请人以外的关员审批',
    amountMustBe: '金额应为 {amount}（税款 {tax} + 滞纳金 {fee}）', guaranteeCover: '担保金额须覆盖应缴税款',
    guarantor: '请填写担保银行或保险机构（2–200 字节）', deferralAfter: '延期截止日须晚于缴款期限',
    deferralSix: '延期最长六个月', reason24: '理由应为 2–500 字节', reason41: '理由应为 4–1000 字节',
    customsCodeTaken: '已有其他企业使用此海关编码', usccTaken: '已有企业使用此统一社会信用代码',
    userExists: '用户名 {name} 已存在', billTaken: '舱单中的提运单号已被申报过', arrivalDeclared: '运输工具已申报进境',
    ownEnterprise: '只能以本企业名义申报', notOnManifest: '{what} {no} 不在任何舱单上',
    billElsewhere: '提运单 {bill} 的收货人或口岸与申报不符',
    billNotManifested: '口岸 {port} 没有载有提运单 {bill} 的舱单；须由承运人先申报舱单', noHs: '商品编号 {hs} 不在税则中',
    unknownPort: '{port} 不是本关区的关区代码', hsNotInTariff: '商品编号 {hs} 不在税则中',
    unitNotLegal: '商品编号 {hs} 须以法定计量单位申报：{units}',
    producerUnknown: '境外生产企业 {producer} 不在进口食品境外生产企业注册名单中（海关总署令第248号）',
    producerState: '境外生产企业 {producer} 的注册状态为“{state}”，不能申报进口（海关总署令第248号）',
    producerCountry: '境外生产企业 {producer} 注册于 {country}，与原产国 {origin} 不符',
    producerProduct: '境外生产企业 {producer} 未就商品编号 {hs} 注册（注册类别：{categories}）',
    producerExpired: '境外生产企业 {producer} 的注册不在有效期内',
    noSuchDeclaration: '没有这份报关单', noSuchSample: '没有这个样品', noSuchInspection: '没有这个查验任务',
    noSuchManifest: '没有这份舱单', noSuchDecision: '没有这个申请', noTaxBill: '该报关单没有税单',
    noEnterprise: '没有统一社会信用代码为 {uscc} 的企业', csrf: '会话校验失败，请刷新页面',
    wrongPassword: '用户名或密码错误', userDisabled: '用户 {name} 已停用',
    notValid: '{field}无效：{reason}', passwordRule: '密码应为 12–128 个字符',
  },
  apiReason: {
    chapter: '章号（前两位）应为 01–97', chapter77: '第 77 章为《协调制度》保留章', check: '校验位错误',
    check18: '第 18 位校验位错误（GB 32100）', check17: '第 17 位组织机构代码校验位错误（GB 11714）',
    len10: '应为 10 位', len18: '应为 18 位', digits10: '应为 10 位数字', digits: '只能是数字',
    letters: '不使用字母 I、O、Z、S、V（GB 32100）', upper: '字母应为大写', chars: '只能包含数字和大写字母',
    division: '第 3–8 位（行政区划码）应为数字', area: '前 4 位（关区代码）应为数字', empty: '不能为空',
    digits2to10: '应为 2–10 位数字',
  },
  apiField: { value: '取值' },
  errors: {
    unauthenticated: '请先登录', forbidden: '您的角色或岗位无权执行此操作', not_found: '未找到', conflict: '与已有记录冲突',
    csrf: '会话校验失败，请刷新页面', too_many_requests: '请求过于频繁，请稍后再试', network: '无法连接服务器',
    internal: '服务器内部错误', unavailable: '数据库暂时不可用', invalid: '输入无效', required: '缺少必填项',
    wrong_type: '类型错误', unknown_field: '未知字段', read_only: '只读字段', malformed_json: '请求格式错误',
    too_large: '请求过大', unsupported_media_type: '请求格式不受支持', method_not_allowed: '不支持此操作',
    suspended: '已被暂停', withText: '{what}：{text}',
  },
}

const en = {
  app: { name: 'Customs Clearance and Supervision', short: 'haiguan' },
  lang: { label: 'Language', zh: '中文', en: 'English' },
  common: {
    loading: 'Loading…', empty: 'No data', retry: 'Retry', error: 'Something went wrong', search: 'Search', reset: 'Reset',
    save: 'Save', cancel: 'Cancel', create: 'Create', edit: 'Edit', back: 'Back', yes: 'Yes', no: 'No',
    prev: 'Previous', next: 'Next', page: 'Page {n}', perPage: 'Per page', all: 'All', actions: 'Actions',
    confirm: 'Confirm', close: 'Close', details: 'Details', requestId: 'Request id', menu: 'Menu', pager: 'Pages',
  },
  auditAct: {
    card_issue: 'Card or tag issued', certificate_annul: 'Certificate annulled', certificate_apply: 'Certificate applied for',
    certificate_issue: 'Certificate issued', certificate_replace: 'Certificate replaced', certificate_verify: 'Certificate verified',
    declaration_change_approve: 'Change approved', declaration_change_refuse: 'Change refused',
    declaration_change_request: 'Change requested', declaration_refile: 'Declaration refiled', declaration_return: 'Declaration returned',
    declaration_draft_create: 'Draft saved', declaration_draft_discard: 'Draft discarded', gate_bind_controller: 'Gate controller bound',
    gate_create: 'Gate registered', gate_event: 'Gate event', gate_override: 'Gate hold overridden', health_handover_alarm: 'Handover overdue alarm',
    liaison_escalate: 'Liaison problem escalated', liaison_opened: 'Liaison problem known', liaison_raise: 'Liaison problem raised',
    liaison_reopened: 'Liaison problem reopened', liaison_replied: 'Liaison problem replied', liaison_resolved: 'Resolution sent',
    liaison_solved: 'Solution confirmed', liaison_visit: 'Enterprise visited', refdata_green_channel_create: 'Green channel registered',
    risk_rule_activate: 'Risk rule activated', tax_general_guarantee_accept: 'General guarantee accepted',
    tax_general_guarantee_post: 'General guarantee posted', tax_supplementary_pay: 'Supplementary tax paid', vessel_arrived: 'Vessel arrived',
    vessel_boarding: 'Boarding quarantine', vessel_declare: 'Vessel declared', vessel_departed: 'Vessel departed',
    vessel_order_lift: 'Quarantine order lifted', vessel_pratique: 'Pratique granted', vessel_purge: "Vessels' personal data purged",
    vessel_sample_result: 'Vessel sample result', vessel_task_done: 'Vessel task done', vessel_testing: 'Crew testing',
    agency_create: 'Agency agreement registered', agency_revoke: 'Agency agreement revoked',
    arrival_report: 'Arrival report', declaration_complete: 'Declaration completed',
    declaration_export: 'Declarations exported', manifest_export: 'Manifests exported', tax_bill_export: 'Tax bills exported', enterprise_export: 'Enterprises exported',
    sample_export: 'Samples exported', user_export: 'Users exported', liaison_problem_export: 'Liaison problems exported',
    declaration_file: 'Declaration filed',
    declaration_permit_entry: 'Entry permitted (two-stage)', declaration_release: 'Declaration released',
    enterprise_create: 'Enterprise created', enterprise_update: 'Enterprise changed',
    inspection_fail: 'Inspection failed', inspection_order: 'Inspection ordered',
    inspection_pass: 'Inspection passed', inspection_attendance_waived: 'Inspection without attending asked',
    aeo_audit_plan: 'Audit plan drawn', manifest_arrived: 'Transport arrived', manifest_create: 'Manifest filed',
    release_gate_out: 'Left the gate', sample_negative: 'Sample negative', sample_positive: 'Sample positive',
    tax_guarantee: 'Tax guarantee lodged', tax_assess: 'Tax assessed', tax_pay: 'Tax paid',
    tax_decision_approve: 'Deferral or waiver approved',
    tax_decision_reject: 'Deferral or waiver rejected', tax_deferral_request: 'Deferral requested',
    tax_waiver_request: 'Waiver requested', tax_guarantee_accept: 'Guarantee accepted',
    tax_guarantee_reject: 'Guarantee rejected', tax_guarantee_convert: 'Guarantee converted to tax',
    tax_guarantee_lapse: 'Guarantee lapsed', token_create: 'Token created', token_revoke: 'Token revoked',
    user_create: 'User created', user_disable: 'User disabled', user_password: 'Password changed',
    webhook_create: 'Webhook created', webhook_delete: 'Webhook deleted', webhook_replay: 'Webhook replayed',
    risk_rule_create: 'Risk rule created', risk_rule_update: 'Risk rule changed',
    risk_rule_suspend: 'Risk rule suspended', risk_rule_resume: 'Risk rule resumed',
    health_declare: 'Health declaration', health_flight: 'Flight recorded', health_land: 'Flight landed',
    health_board: 'Boarding quarantine', health_scan: 'Counter scan', health_check: 'Temperature and survey',
    health_sample: 'Traveller sampled', health_samples_sent: 'Samples sent', health_result: 'Traveller result',
    health_clear: 'Traveller cleared', health_handover: 'Handed over', health_handover_ack: 'Handover acknowledged',
    health_purge: 'Health data purged',
  },
  doc: {
    printDeclaration: 'Print declaration', printRelease: 'Print release notice', printTax: 'Print payment notice',
    declarationTitle: { import: 'Customs declaration of imported goods', export: 'Customs declaration of exported goods' },
    releaseTitle: 'Customs release notice', releaseText: '{who}: the goods under bill {bill} have been examined by customs and are released.',
    colon: ': ', party: '{name} ({code})',
    allContainers: 'All containers of the bill', taxTitle: 'Customs tax payment notice', payer: 'Payer',
    taxText: 'Payable by {date}; a late fee of 0.05% of the tax due is added for each day late.',
    declarantSeal: 'Declarant (seal)', customsSeal: 'Customs (seal)', bankSeal: 'Receiving bank (seal)',
  },
  hold: {
    title: 'Release waits for', ready: 'Release conditions', none: 'Every release condition is met: it may be released',
    blocked: 'Cannot be released yet: {why}', arrival: 'Waiting for the terminal\'s arrival report of bill {bill}',
    task: 'Inspection task #{id} ({kind}), ordered {at}', toQueue: 'To the inspection queue',
    sample: 'Sample {barcode} ({kind}): {status}', tax: 'Tax due ¥{amount}, payable by {date}',
    waive: 'Ask not to attend', waived: 'Not attending: the site operator assists', waiveTitle: 'Inspection without attending',
    waiveReason: 'Reason', waiveNote: 'A certified enterprise may ask to be inspected without attending; the site operator\'s person assists and signs.',
    waiveDone: 'Requested: inspected without attending',
  },
  steps: {
    label: 'Clearance progress', filed: 'Filed', review: 'Review', inspect: 'Inspection', tax: 'Tax', release: 'Release',
    out: 'Gate out', skipped: 'Not inspected',
  },
  list: {
    today: 'Today', week: 'This week', month: 'This month', lastMonth: 'Last month', more: 'More filters',
    less: 'Fewer filters', export: 'Export', exported: 'CSV exported', exportFailed: 'Export failed', start: 'Start date',
    end: 'End date', rangeTo: 'to',
  },
  signin: {
    title: 'Sign in', username: 'User name', password: 'Password', submit: 'Sign in', failed: 'Wrong user name or password',
    throttled: 'Too many failed sign-ins; try again later', required: 'Enter the {field}',
  },
  shell: { signOut: 'Sign out', signedOut: 'Signed out', expired: 'Your session has expired; sign in again', skip: 'Skip to the page' },
  notFound: { title: 'Page not found', text: 'There is no page at {path}: the address may be mistyped, or the page has moved.', home: 'Back to the start' },
  menu: {
    dashboard: 'Dashboard', enterprises: 'Enterprises', myEnterprise: 'My enterprise', audit: 'Audit trail',
    users: 'Users', tokens: 'API tokens', declarations: 'Declarations', inspections: 'Inspections', tax: 'Tax',
    myDeclarations: 'My declarations', fileDeclaration: 'File a declaration', myManifests: 'My manifests', myTax: 'My tax bills', risk: 'Risk control',
    myNotifications: 'Notifications', myWebhooks: 'Webhooks',
  },
  role: { admin: 'Administrator', officer: 'Officer', enterprise: 'Enterprise user', system: 'System' },
  post: {
    clearance: 'Clearance', risk: 'Risk', inspection: 'Inspection', tax: 'Tax', gate: 'Gate', quarantine: 'Quarantine',
    bonded: 'Bonded', liaison: 'Liaison', enterprise: 'Enterprises', antismuggling: 'Anti-smuggling', manager: 'Manager',
  },
  credit: {
    advanced_certified: 'Advanced certified', general_certified: 'General certified', general_credit: 'General credit',
    dishonest: 'Dishonest',
  },
  kind: {
    importer: 'Importer', exporter: 'Exporter', broker: 'Customs broker', shipping_agent: 'Shipping agent',
    shipyard: 'Shipyard', bonded_warehouse: 'Bonded warehouse', ecommerce_platform: 'E-commerce platform',
    logistics: 'Logistics', manufacturer: 'Manufacturer', airline: 'Airline', terminal: 'Terminal',
  },
  ent: {
    title: 'Enterprises', uscc: 'Unified social credit code', customs_code: 'Customs code', name_zh: 'Chinese name',
    name_en: 'English name', kind: 'Kind', credit_level: 'Credit level', coordinator: 'Coordinator',
    created_at: 'Created', updated_at: 'Updated', q: 'Name or code contains', new: 'New enterprise',
    editTitle: 'Edit enterprise', created: 'Enterprise created', saved: 'Saved',
    notFound: 'No such enterprise, or you may not see it', mine: 'My enterprise', noneBound: 'Your account is not bound to an enterprise',
  },
  check: {
    required: 'Required', uscc_length: 'Must be 18 characters', uscc_chars: 'Digits and upper-case letters only (no I, O, Z, S, V)',
    uscc_division: 'Positions 3–8 (administrative division) must be digits',
    uscc_org_check: 'Wrong organisation code check character (position 17, GB 11714)',
    uscc_check: 'Wrong check character (position 18, GB 32100)', customs_code_length: 'Must be 10 characters',
    customs_code_chars: 'Digits and upper-case letters only', customs_code_area: 'The first 4 characters (customs area) must be digits',
    name_zh: 'Must be 2 to 100 characters', name_en: 'At most 200 characters', coordinator: 'At most 32 characters',
  },
  audit: {
    title: 'Audit trail', object: 'Object', objectHint: 'TYPE or TYPE:ID, e.g. enterprise:9121…', actor: 'Actor',
    period: 'Period', from: 'From', to: 'To', seq: 'Seq', at: 'Time', action: 'Action', before: 'Before', after: 'After',
    whole: 'Audit chain is whole', broken: 'Audit chain broken at row {seq} ({reason})', rows: '{n} rows',
    checkpoints: '{n} signed checkpoints', verifying: 'Verifying the audit chain…',
  },
  users: {
    q: 'Name, post or enterprise code',
    title: 'Users', name: 'User name', role: 'Role', posts: 'Posts', enterprise: 'Enterprise', disabled: 'Status',
    active: 'Active', off: 'Disabled', disable: 'Disable', disableConfirm: 'Disable {name}? Their sessions and tokens stop at once.',
    new: 'New user', password: 'Password', passwordRule: 'Passwords are 12 to 128 characters', created: 'User created',
    disabledOk: 'User disabled',
    displayName: 'Display name', rename: 'Rename', renameOf: "{name}'s display name (what the other pages show; may be empty)",
    renamed: 'Display name changed', displayNameRule: 'At most 64 characters',
  },
  webhooks: {
    title: 'Webhooks',
    intro: "Register your enterprise's receivers: customs posts your declarations' and tax bills' events there (signed as Standard Webhooks, retried for three days).",
    url: 'Endpoint URL', urlRule: 'An address starting with http:// or https://', types: 'Event types', allTypes: 'All events',
    description: 'Description', create: 'Register', once: 'The signing secret is shown only this once; copy it now:',
    signing: 'Verify the webhook-signature header with it: HMAC-SHA256(secret, webhook-id.webhook-timestamp.body).',
    status: 'Status', state: { active: 'Active', disabled: 'Disabled', pending: 'Pending', delivered: 'Delivered', failed: 'Given up' },
    log: 'Deliveries', delete: 'Delete', deleted: 'Deleted', deleteConfirm: 'Delete {url} and its delivery log?',
    logOf: 'Deliveries to {url}', fromSeq: 'After event seq', replayFrom: 'Deliver again', replay: 'Again',
    queued: '{n} queued again', eventType: 'Event type', attempts: 'Attempts', lastStatus: 'Last answer', next: 'Next attempt',
    deliveredAt: 'Delivered',
  },
  tokens: {
    title: 'API tokens', user: 'User', scopes: 'Scopes', scopesHint: 'comma-separated areas (e.g. arrival, lab, gate), or *', create: 'Create token',
    once: 'This token is shown only once. Copy it now:', id: 'Id', revoke: 'Revoke', revokeId: 'Revoke a token by id',
    revoked: 'Token revoked', revokeConfirm: 'Revoke token {id}?',
    listNote: 'The server keeps only a hash of each token; this page lists the tokens created in this session.',
  },
  dash: {
    title: 'Dashboard', byCredit: 'Enterprises by credit level', total: 'Enterprises', audit: 'Audit chain',
    more: 'Coming: declarations, inspections, tax and clearance-time statistics',
    today: 'Today', month: 'This month', by_status: 'Declarations by status (by filing time)',
    by_lane: 'Declarations by lane (by filing time)', flow: 'Releases, revenue and inspections',
    releases: 'Releases', oldest: 'Oldest open inspection waiting', days: '{n} days',
    releasesNote: 'A declaration count opens the list with the same filters; releases are counted by release time.',
  },
  decl: {
    title: 'Declarations', entry_no: 'Entry no.', direction: 'Direction', kind: 'Kind', declarant: 'Declarant',
    consignee: 'Consignee', consignor: 'Consignor', port: 'Port', transport_mode: 'Transport', bill_no: 'Bill no.',
    trade_country: 'Trade country', status: 'Status', lane: 'Lane', advance: 'Advance declaration', filed_at: 'Filed',
    permitted_at: 'Permitted to enter', released_at: 'Released', completed_at: 'Completed', arrived_at: 'Arrived',
    overdue: 'Two-step overdue', overdueOnly: 'Overdue two-step only', period: 'Filed', from: 'From', to: 'To',
    releasedFrom: 'Released from', releasedTo: 'Released to', gate_out_at: 'Left the gate', releasedPeriod: 'Released',
    q: 'Entry, bill, container or VIN',
    enterprise: 'Enterprise (USCC)', flags: 'Procedures', ship_side_pickup: 'Ship-side pickup',
    arrival_direct_loading: 'Arrival direct loading', green_channel: 'Green channel', release_first: 'Release first, inspect later',
    header: 'Header', items: 'Items', timeline: 'Timeline', notFound: 'No such declaration, or you may not see it',
    samples: 'Samples', noSamples: 'No samples', tax: 'Tax',
    release: 'Release', releaseConfirm: 'Release declaration {n}?', released: 'Released',
    permit: 'Permit entry (two-stage)', permitConfirm: 'Permit the goods of {n} to enter under seal before their laboratory results?',
    permitted: 'Permitted to enter', complete: 'Complete', completeTitle: 'Complete: the declaration elements of each item',
    completed: 'Completed', new: 'File a declaration', newTitle: 'File a declaration', filed: 'Declaration filed: {n}',
    addItem: 'Add an item', removeItem: 'Remove', item: 'Item {n}', actor: 'By', event: 'Event', detail: 'Detail',
    open: 'Open', mine: 'My declarations', plain: 'Progress', yes: 'Yes', portRule: 'The 4-digit customs code',
    countryRule: 'A 2-letter country code (e.g. JP)', hsRule: 'HS codes have 10 digits', intRule: 'A whole number',
    moneyRule: 'At most two decimals',
  },
  tl: {
    advance: 'Advance', lane: 'Lane', kind: 'Kind', reason: 'Reason', barcode: 'Barcode', line_no: 'Item', amount_fen: 'Amount',
    late_fee_fen: 'Late fee', findings: 'Findings', disposal: 'Disposal', automatic: 'Automatic', stage: 'Stage',
    inspection: 'Inspection task', note: 'Note', guarantor: 'Guarantor', rule: 'Rule', gate: 'Gate', container: 'Container',
    vehicle: 'Vehicle', credit_level: 'Credit level', valid_until: 'Valid until', decided_by: 'Decided by', entry_no: 'Entry no.', status: 'Status',
    at: 'At', bill_no: 'Bill no.', container_no: 'Container no.', cause: 'Cause', after: 'Tax after', before: 'Tax before',
    outcome: 'Outcome', tax: 'Tax', days_late: 'Days late', late: 'Late', late_declaration_fee: 'Late declaration fee',
    result: 'Lab result', supplementary: 'Supplementary', corrected: 'Corrected', with_declarant_ms: "Declarant's time",
    vin: 'VIN', refund: 'Refund', amount: 'Amount', total: 'Total', guarantee: 'Guarantee', minutes: '{n} min',
    v: { approved: 'Approved', rejected: 'Rejected', pending: 'Pending', reissued: 'Re-issued', supplementary: 'Supplementary',
      refund: 'Refund', void: 'Void', modification: 'Modification', amendment: 'Amendment', cancellation: 'Cancellation',
      negative: 'Negative', positive: 'Positive', unchanged: 'Unchanged', refile: 'Refiling after return' },
  },
  status: { filed: 'Filed', inspection: 'Inspection', permitted: 'Permitted to enter', released: 'Released', refused: 'Refused',
    returned: 'Returned for correction', cancelled: 'Cancelled' },
  lane: { green: 'Green', yellow: 'Yellow', red: 'Red', blue: 'Blue', none: 'None' },
  notify: {
    title: 'Notifications', live: 'Live',
    type: {
      declaration: {
        filed: 'Declaration filed', selected_for_inspection: 'Selected for inspection', released: 'Declaration released',
        refused: 'Failed inspection (returned or destroyed)',
      },
      tax: { due: 'Tax due', paid: 'Tax paid' }, sample: { result: 'Laboratory result' },
      risk: { rule_changed: 'Risk rule changed' },
    },
    lane: 'Lane: {lane}', result: { negative: 'Negative', positive: 'Positive' },
    disposal: { return: 'Returned', destroy: 'Destroyed' },
  },
  direction: { import: 'Import', export: 'Export' },
  dkind: { complete: 'Complete', summary: 'Summary (two-step)' },
  mode: { sea: 'Sea', air: 'Air', road: 'Road', rail: 'Rail' },
  event: {
    filed: 'Filed', screened: 'Screened', risk: 'Risk rule hit', inspection_opened: 'Selected for inspection', sampled: 'Sampled',
    sample_negative: 'Sample negative', sample_positive: 'Sample positive', inspection_passed: 'Inspection passed',
    inspection_failed: 'Inspection failed', follow_up_required: 'Follow-up required', permitted_entry: 'Permitted to enter',
    released: 'Released', completed: 'Completed', tax_paid: 'Tax paid', tax_guaranteed: 'Tax guaranteed',
    approved: 'Approved', rejected: 'Rejected', tax: 'Tax', arrived: 'Arrived', manifest: 'Manifest',
    manifest_arrived: 'Transport arrived', deferral_approved: 'Deferral approved', deferral_rejected: 'Deferral rejected',
    waiver_approved: 'Waiver approved', waiver_rejected: 'Waiver rejected', gate_out: 'Left through the gate',
    transport_arrived: 'Transport declared arrival', goods_arrived: 'Arrival report', inspection_ordered: 'Inspection ordered by an officer',
    second_officer_release: 'Released by a second officer (separation of duties)',
    attendance_waived: 'Inspection without attending requested (certified enterprise)',
    change_requested: 'Change requested', modified: 'Modified', cancelled: 'Cancelled', change_refused: 'Change refused',
    amended: 'Amended', returned: 'Returned for correction', refiled: 'Refiled', rescreened: 'Screened again',
    tax_reassessed: 'Tax assessed again', supplementary_paid: 'Supplementary tax paid',
  },
  item: {
    hs_code: 'HS code', name: 'Name', elements: 'Declaration elements', origin: 'Origin', quantity: 'Quantity', unit: 'Unit',
    value: 'Value', currency: 'Currency', gross_weight_kg: 'Gross (kg)', net_weight_kg: 'Net (kg)', frozen: 'Frozen',
    producer: 'Foreign producer no.', vins: 'VINs',
    price_terms: 'Price terms', freight: 'Freight', insurance: 'Insurance', other_costs: 'Other dutiable costs',
    certificate_no: 'Certificate of origin no.', insuranceHint: 'Empty: 3‰ of price and freight',
    terms: { CIF: 'CIF cost, insurance and freight', CFR: 'CFR cost and freight', FOB: 'FOB free on board', EXW: 'EXW ex works' },
  },
  plain: {
    awaitingArrival: 'Waiting for the arrival report', inspection: 'Selected for inspection',
    permitted: 'Permitted to enter; waiting for laboratory results', released: 'Released',
    refused: 'Refused (returned or destroyed)', taxDue: 'Tax due: ¥{amount} by {date}', awaitingRelease: 'Waiting for release',
    completeBy: 'Complete declaration needed', overdue: 'Two-step completion overdue',
    returned: 'Returned: correct and refile it', cancelled: 'Cancelled',
  },
  tax: {
    q: 'Entry number or enterprise code',
    title: 'Tax', bill: 'Tax bill', status: 'Bill status', duty: 'Duty', consumption_tax: 'Consumption tax', vat: 'VAT',
    total: 'Total tax', late_fee: 'Late fee', late_days: 'Days late', amount_due: 'Amount due', due_date: 'Due date',
    issued_at: 'Issued', paid_at: 'Paid', working: 'Working', dutiable_value: 'Dutiable value', duty_rate: 'Duty rate',
    consumption_rate: 'Consumption rate', consumption_base: 'Consumption base', vat_base: 'VAT base', vat_rate: 'VAT rate',
    none: 'This declaration has no tax bill', waived: 'Late fee waived', pay: 'Pay the tax',
    payConfirm: 'Pay ¥{amount} for declaration {n}?', paid: 'Tax paid', guarantee: 'Guarantee',
    guarantor: 'Guarantor (bank guarantee, …)', guaranteeAmount: 'Amount', guaranteed: 'Guarantee recorded',
    guarantee_amount: 'Guarantee',
    guaranteePending: 'Guarantee submitted: a tax officer reviews it (a guarantor the district does not know, or a deposit)',
    letterNo: 'Letter number', validUntil: 'Valid until (blank: the last day of the payment period)',
    st: { due: 'Due', paid: 'Paid', guaranteed: 'Guaranteed', deferred: 'Deferred', none: 'No tax' , void: 'Void' },
    decisions: 'Deferrals and waivers', pending: 'Pending', kind: 'Kind', requested_by: 'Requested by', reason: 'Reason',
    until: 'Until', approve: 'Approve', reject: 'Reject', note: 'Note', noteRequired: 'Write a note', decided: 'Decided',
    waiver: 'Late-fee waiver', deferral: 'Deferral', dstatus: { pending: 'Pending', approved: 'Approved', rejected: 'Rejected' },
    summary: 'Revenue summary', revenue: 'Revenue', outstanding: 'Outstanding', deferred: 'Deferred',
    request: 'Ask for deferral or waiver', requested: 'Request sent; a tax officer will decide',
    late_fees_collected: 'Late fees collected', late_fees_waived: 'Late fees waived', bills: 'Bills', waivers: 'Waivers',
    requested_at: 'Requested', billList: 'Tax bills', overdue: 'Overdue', trader: 'Consignee / consignor',
    mine: 'My tax bills',
  },
  insp: {
    title: 'Inspections', q: 'Entry or bill number', randomSelection: 'random selection', reasonSep: '; ', queue: 'Open tasks', id: 'Task', kind: 'Method', reason: 'Reason', created_at: 'Opened',
    green: 'Green channel', result: 'Enter result', pass: 'Pass', fail: 'Fail', findings: 'Findings', disposal: 'Disposal',
    return: 'Return', destroy: 'Destroy', recorded: 'Result recorded', samples: 'Samples and barcodes', barcode: 'Barcode',
    print: 'Print barcodes', labelEntry: 'Entry', sampleKind: 'Sample', sampleStatus: 'Result', line_no: 'Item', age: 'Waiting',
    hours: '{n} h', manual: 'Manual', machine: 'Machine', disposal_task: 'Disposal',
    priority2: 'Advanced certified first', priority1: 'General certified first', waived: 'Enterprise not attending',
    witness: 'Witness (site operator)', witnessHint: 'The enterprise is not attending: name the site operator\'s person who assisted and signed',
    sst: { pending: 'Pending', negative: 'Negative', positive: 'Positive' }, nucleic_acid: 'Nucleic acid',
  },
  mf: {
    title: 'My manifests', manifest_no: 'Manifest no.', vessel: 'Vessel / flight / vehicle', eta: 'ETA', status: 'Status',
    bills: 'Bills', goods: 'Goods', packages: 'Packages', containers: 'Containers', st: { filed: 'Filed', arrived: 'Arrived' },
    q: 'Manifest, bill, container, vessel, voyage or flight', filer: 'Filed by', created_at: 'Filed at',
  },
  ct: {
    title: 'Clearance time (last 30 days, by day)', mean: 'Mean', median: 'Median', p90: 'P90', hours: 'hours',
    baseline: 'Baseline year', baselineMean: '{y} mean', noBaseline: 'No baseline', none: 'No declarations ({d}) released in this period',
    openInsp: 'Open inspections', revenue: 'Revenue', day: 'Day', releases: 'Releases',
    few: 'Hollow points: days with fewer than {min} releases ({n} days), which mean little; days without releases are left empty, not drawn as 0.',
    counts: 'By release time: each point is the declarations released that day, from arrival to release.',
  },
  risk: {
    title: 'Risk control', rules: 'Risk rules', import: 'Import HQ instructions', try: 'Try a rule', stats: 'Risk statistics',
    notAllowed: 'Not allowed', notAllowedSub: 'Risk control is open to officers of the risk post and managers only',
    name: 'Rule name', source: 'Source', issuer: 'Issuer', status: 'Status', lane: 'Lane', inspection: 'Inspection',
    direction: 'Direction', ports: 'Ports (comma-separated)', note: 'Note for the inspecting officer', conditions: 'Conditions (all must hold)',
    kind: 'Kind', values: 'Values (comma-separated)', min: 'Min', max: 'Max', reference: 'Reference price', ratio: 'Below by %',
    addCondition: 'Add condition', remove: 'Remove', sampling: 'Sampling', addSampling: 'Add sampling', rate: 'Rate %', fire: 'Fire rate %',
    valid_from: 'Valid from', valid_to: 'Valid to', updated_at: 'Updated', readOnly: 'Read only: managers may look, not change',
    suspend: 'Suspend', resume: 'Resume', confirmSuspend: 'Suspend rule "{name}"? It stops selecting from the next screening.',
    confirmResume: 'Resume rule "{name}"?', suspended: 'Rule suspended', resumed: 'Rule resumed', saved: 'Rule saved',
    newRule: 'New rule', editRule: 'Edit rule',
    st: { active: 'Active', suspended: 'Suspended', expired: 'Expired' },
    src: { hq: 'Headquarters', district: 'District', port: 'Port' },
    dir: { import: 'Import', export: 'Export', both: 'Both' },
    insp: { manual: 'Manual', machine: 'Machine', document: 'Document', none: 'None' },
    laneOf: { red: 'Red (physical)', yellow: 'Yellow (documents)', blue: 'Blue (audit)', green: 'Green' },
    ck: {
      hs_prefix: 'HS prefix', origin_country: 'Origin country', trade_country: 'Trade country', consignee: 'Consignee', consignor: 'Consignor',
      declarant: 'Declarant', credit_level: 'Credit level', transport_mode: 'Transport mode', port: 'Port', declaration_kind: 'Declaration kind',
      item_value: 'Item value (yuan)', unit_price_below: 'Unit price below reference', gross_weight: 'Gross weight (g)', keyword: 'Keyword',
      cold_chain: 'Cold chain', container: 'Container', vessel_imo: 'Vessel IMO', bill_no: 'Bill no.',
    },
    check: {
      required: 'Required', hs_prefix: 'An HS prefix is 2–10 digits', range_empty: 'Give a minimum or a maximum',
      number: 'Must be a number', range_inverted: 'The minimum is above the maximum', percent: 'A rate is between 0 and 100%',
      values: 'Give at least one value', conditions: 'Add at least one condition',
    },
    importHint: 'The server has no HTTP import route (use `haiguan risk import FILE` for an all-or-nothing import). Here each line, one rule JSON, is created on its own.',
    pickFile: 'Choose a JSON Lines file', paste: 'or paste JSON Lines', runImport: 'Import line by line', line: 'Line', result: 'Result',
    created: 'Created #{id}', badJson: 'Not valid JSON', importDone: 'Import done: {ok} created, {bad} failed',
    declaration: 'Declaration (risk view JSON)', recent: 'Pick a recent declaration', runScreen: 'Screen', hits: 'Hits',
    fired: 'Fired', matched: 'Matched values', item: 'Item', random: 'Random selection', selected: 'Selected', notSelected: 'Not selected',
    reason: 'Reason', screenings: 'Screenings', byLane: 'By lane', hitsByRule: 'Hits by rule', rule: 'Rule', fireCount: 'Fired',
    byCredit: 'Inspection rate by credit level', rateActual: 'Inspection rate %', rateCeiling: 'Policy bound %', ofGeneral: 'Of general credit',
    policy: 'Policy: advanced certified ≤ 20% of general credit, general certified ≤ 50%, dishonest ≥ 80%', ok: 'Holds', breach: 'Breached',
  },
  stage: { qualified_for_market: 'Qualified for market (second stage)' },
  apiMsg: {
    alreadyReleased: 'The declaration is already released', refusedNever: 'Refused goods (returned or destroyed) are never released',
    positiveNever: 'A sample tested positive: the goods are returned or destroyed, never released',
    needArrival: 'Release needs the arrival report of the goods, arrival direct loading too (ship-side pickup: the transport\'s arrival)',
    needInspection: 'The declaration was selected for inspection; release needs a passed inspection',
    waitSamples: 'Release waits for the laboratory results of its samples',
    taxDue: 'Tax is due: release needs it paid, guaranteed or deferred', onlyAuto: 'Only green and blue lanes are released automatically',
    alreadyPermitted: 'The goods were already permitted to enter',
    permitNoSamples: 'Two-stage admission is for goods waiting for laboratory results; none are pending',
    orderStatus: 'An inspection is ordered on a declaration not yet released nor already being inspected (status: {status})',
    inspectionDone: 'The inspection already has its result',
    waiverCredit: 'Inspection without attending is for certified enterprises (the lower level of declarant and owner)',
    waiverNone: 'The declaration has no physical inspection awaiting its enterprise',
    needWitness: 'The enterprise did not attend: name the site operator\'s person who assisted and signed',
    positiveCannotPass: 'A sample tested positive: the goods cannot pass',
    sampleDone: 'The sample already has its result', onlyFailedDisposed: 'Only failed goods are disposed of',
    failedNeedsDisposal: 'Failed goods are disposed of: return or destroy', failedNeedsFindings: 'A failed inspection records its findings',
    suspendedProducer: 'Producer {producer} is suspended until {until} after {n} positive nucleic-acid test(s)',
    alreadyCompleted: 'The declaration was already completed', onlySummary: 'Only a summary declaration is completed',
    elementsPerItem: 'Give one entry of elements per item ({n})',
    taxPaid: 'The tax of this declaration is already paid', noTaxDue: 'No tax is due on this declaration',
    guaranteeForDue: 'A guarantee is for tax that is due (status: {status})', paidNothingToDefer: 'The tax is already paid; nothing to defer',
    requestPending: 'A {kind} for this declaration is already pending', requestDecided: 'The request was already {status}',
    decidedByOther: 'A request is decided by someone other than its requester',
    amountMustBe: 'The amount must be {amount} (tax {tax} + late fee {fee})', guaranteeCover: 'The guarantee must cover the tax due',
    guarantor: 'Name the bank or insurer (2 to 200 bytes)', deferralAfter: 'A deferral ends after the payment period',
    deferralSix: 'A deferral lasts at most six months', reason24: 'The reason is 2 to 500 bytes', reason41: 'The reason is 4 to 1000 bytes',
    customsCodeTaken: 'Another enterprise has this customs code', usccTaken: 'An enterprise with this USCC already exists',
    userExists: 'A user named {name} already exists', billTaken: 'A bill number of this manifest is already manifested',
    arrivalDeclared: 'The transport\'s arrival was already declared', ownEnterprise: 'You may only declare as your own enterprise',
    notOnManifest: '{what} {no} is not on any manifest', billElsewhere: 'Bill {bill} is manifested for another consignee or port',
    billNotManifested: 'No manifest at port {port} carries bill {bill}; the carrier files the manifest first',
    noHs: 'HS code {hs} is not in the tariff table',
    unknownPort: '{port} is not a customs code of the district\'s ports', hsNotInTariff: 'HS code {hs} is not a line of the tariff',
    unitNotLegal: 'HS {hs} is declared in its legal unit: {units}',
    producerUnknown: 'Producer {producer} is not in the registry of overseas food producers (GACC Decree 248)',
    producerState: 'Producer {producer} is {state} (GACC Decree 248)',
    producerCountry: 'Producer {producer} is registered in {country}, not in the origin {origin}',
    producerProduct: 'Producer {producer} is not registered for HS {hs} (its categories: {categories})',
    producerExpired: 'Producer {producer} has no registration in force today',
    noSuchDeclaration: 'No such declaration', noSuchSample: 'No such sample', noSuchInspection: 'No such inspection',
    noSuchManifest: 'No such manifest', noSuchDecision: 'No such request', noTaxBill: 'No tax bill for this declaration',
    noEnterprise: 'No enterprise with USCC {uscc}', csrf: 'Session check failed; reload the page',
    wrongPassword: 'Wrong user name or password', userDisabled: 'User {name} is disabled',
    notValid: '{field} is not valid: {reason}', passwordRule: 'Passwords are 12 to 128 characters',
  },
  apiReason: {
    chapter: 'the chapter (first two digits) must be 01–97', chapter77: 'chapter 77 is reserved in the Harmonized System',
    check: 'wrong check character', check18: 'wrong check character (position 18, GB 32100)',
    check17: 'wrong organisation code check character (position 17, GB 11714)', len10: 'must be 10 characters',
    len18: 'must be 18 characters', digits10: 'must be 10 digits', digits: 'digits only',
    letters: 'letters I, O, Z, S and V are not used (GB 32100)', upper: 'letters must be upper-case',
    chars: 'only digits and upper-case letters', division: 'positions 3–8 (administrative division) must be digits',
    area: 'the first 4 characters (customs area code) must be digits', empty: 'must not be empty',
    digits2to10: 'must be 2 to 10 digits',
  },
  apiField: { value: 'value' },
  errors: {
    unauthenticated: 'Sign in first', forbidden: 'Your role or post may not do this', not_found: 'Not found',
    conflict: 'Conflicts with an existing record', csrf: 'Session check failed; reload the page',
    too_many_requests: 'Too many requests; try again later', network: 'Cannot reach the server',
    internal: 'Internal server error', unavailable: 'The database is unavailable', invalid: 'Invalid input',
    required: 'Required', wrong_type: 'Wrong type', unknown_field: 'Unknown field', read_only: 'Read-only field',
    malformed_json: 'Malformed request', too_large: 'Request too large', unsupported_media_type: 'Unsupported request format',
    method_not_allowed: 'Not allowed here', suspended: 'Suspended', withText: '{text}',
  },
}

const saved = (() => {
  try {
    return localStorage.getItem('haiguan.lang')
  } catch {
    return null
  }
})()

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh, en },
})

setApiLanguage(i18n.global.locale.value)
// The events an enterprise's notifications name beyond the first ones above, by type.
i18n.global.mergeLocaleMessage('zh-CN', { notify: { type: {
  certificate: { annulled: '检验检疫证书已作废', replaced: '检验检疫证书已换发' },
  declaration: { amended: '报关单已更正', cancelled: '报关单已撤销', change_refused: '修改/撤销申请被驳回',
    change_requested: '已申请修改/撤销', modified: '报关单已修改', refiled: '报关单已重新申报', returned: '报关单被退单' },
  tax: { guaranteed: '税款已担保', general_guarantee_accepted: '总担保已生效', general_guarantee_posted: '总担保已提交',
    refund_approved: '退税已批准', supplementary_due: '补税待缴纳', supplementary_paid: '补税已缴纳', void: '税单已作废' },
  liaison: { raised: '问题已提出', opened: '海关已获知问题', replied: '海关已答复', resolved: '海关提交了解决方案', solved: '问题已解决',
    reopened: '问题已重新打开', escalated: '问题已超时上报', visit: '海关走访' },
  vessel: { arrival_declared: '船舶入境已申报', crew_positive: '船员检测阳性', order_issued: '检疫指令已下达' },
} } })
i18n.global.mergeLocaleMessage('en', { notify: { type: {
  certificate: { annulled: 'Certificate annulled', replaced: 'Certificate replaced' },
  declaration: { amended: 'Declaration amended', cancelled: 'Declaration cancelled', change_refused: 'Change refused',
    change_requested: 'Change requested', modified: 'Declaration modified', refiled: 'Declaration refiled', returned: 'Declaration returned' },
  tax: { guaranteed: 'Tax guaranteed', general_guarantee_accepted: 'General guarantee accepted',
    general_guarantee_posted: 'General guarantee posted', refund_approved: 'Refund approved', supplementary_due: 'Supplementary tax due',
    supplementary_paid: 'Supplementary tax paid', void: 'Tax bill void' },
  liaison: { raised: 'Problem raised', opened: 'Customs knows the problem', replied: 'Customs replied', resolved: 'Customs sent a resolution',
    solved: 'Problem solved', reopened: 'Problem reopened', escalated: 'Problem escalated', visit: 'Customs visit' },
  vessel: { arrival_declared: 'Vessel arrival declared', crew_positive: 'Crew tested positive', order_issued: 'Quarantine order issued' },
} } })

export function setLanguage(lang) {
  i18n.global.locale.value = lang
  setApiLanguage(lang)
  document.documentElement.lang = lang
  try {
    localStorage.setItem('haiguan.lang', lang)
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

// The API's English messages that the console words in the chosen language: [pattern, key in
// apiMsg, names of the captured groups as the message's parameters]. The API answers in the
// console's language (api.js sends Accept-Language), so on Chinese pages its messages come in
// Chinese and are shown as given; these words serve an English message (a server without the
// message in its catalogue). Another English message is shown after the translated name of
// its code.
const API_MESSAGES = [
  [/^the declaration is already released$/, 'alreadyReleased'],
  [/^refused goods \(returned or destroyed\) are never released$/, 'refusedNever'],
  [/^a sample tested positive: the goods are returned or destroyed, never released$/, 'positiveNever'],
  [/^release needs the arrival report/, 'needArrival'],
  [/^the declaration was selected for inspection; release needs a passed inspection$/, 'needInspection'],
  [/^release waits for the laboratory results of its samples$/, 'waitSamples'],
  [/^tax is due: release needs it paid, guaranteed or deferred$/, 'taxDue'],
  [/^only green and blue lanes are released automatically$/, 'onlyAuto'],
  [/^the goods were already permitted to enter$/, 'alreadyPermitted'],
  [/^two-stage admission is for goods waiting for laboratory results/, 'permitNoSamples'],
  [/^an inspection is ordered before release.*\(status is (\w+)\)$/, 'orderStatus', ['status']],
  [/^the inspection already has its result$/, 'inspectionDone'],
  [/^inspection without the enterprise attending is a facilitation of certified enterprises/, 'waiverCredit'],
  [/^the declaration has no open physical inspection awaiting its enterprise$/, 'waiverNone'],
  [/^the enterprise did not attend: name the site operator/, 'needWitness'],
  [/^a sample tested positive: the goods cannot pass$/, 'positiveCannotPass'],
  [/^the sample already has its result$/, 'sampleDone'],
  [/^only failed goods are disposed of$/, 'onlyFailedDisposed'],
  [/^failed goods are disposed of: return or destroy$/, 'failedNeedsDisposal'],
  [/^a failed inspection records its findings$/, 'failedNeedsFindings'],
  [/^producer (\S+) is suspended until (\S+) after (\d+) positive/, 'suspendedProducer', ['producer', 'until', 'n']],
  [/^the declaration was already completed$/, 'alreadyCompleted'],
  [/^only a summary declaration is completed$/, 'onlySummary'],
  [/^elements must have one entry per item \((\d+)\)$/, 'elementsPerItem', ['n']],
  [/^the tax of this declaration is already paid$/, 'taxPaid'],
  [/^no tax is due on this declaration$/, 'noTaxDue'],
  [/^a guarantee is for tax that is due \(status is (\w+)\)$/, 'guaranteeForDue', ['status']],
  [/^the tax is already paid; nothing to defer$/, 'paidNothingToDefer'],
  [/^a (\w+) for this declaration is already pending$/, 'requestPending', ['kind']],
  [/^the request was already (\w+)$/, 'requestDecided', ['status']],
  [/^a request is decided by someone other than its requester$/, 'decidedByOther'],
  [/^amount must be ([\d.]+) \(tax ([\d.]+) \+ late fee ([\d.]+)\)$/, 'amountMustBe', ['amount', 'tax', 'fee']],
  [/^the guarantee must cover the tax due$/, 'guaranteeCover'],
  [/^guarantor names the bank or insurer/, 'guarantor'],
  [/^a deferral ends after the payment period$/, 'deferralAfter'],
  [/^a deferral lasts at most six months$/, 'deferralSix'],
  [/^reason must be 2 to 500 bytes$/, 'reason24'],
  [/^reason must be 4 to 1000 bytes$/, 'reason41'],
  [/^another enterprise has this customs_code$/, 'customsCodeTaken'],
  [/^an enterprise with this uscc already exists$/, 'usccTaken'],
  [/^a user named (\S+) already exists$/, 'userExists', ['name']],
  [/^a bill number of this manifest is already manifested$/, 'billTaken'],
  [/^the transport's arrival was already declared$/, 'arrivalDeclared'],
  [/^you may only declare as your own enterprise$/, 'ownEnterprise'],
  [/^(\S+) (\S+) is not on any manifest$/, 'notOnManifest', ['what', 'no']],
  [/^bill (\S+) is manifested for /, 'billElsewhere', ['bill']],
  [/^no manifest carries bill (\S+) for (import|export) at port (\S+);/, 'billNotManifested', ['bill', 'direction', 'port']],
  [/^HS code (\d+) is not in the tariff table$/, 'noHs', ['hs']],
  [/^(\S+) is not a customs code of the district's ports/, 'unknownPort', ['port']],
  [/^HS code (\d+) is not a line of the loaded tariff$/, 'hsNotInTariff', ['hs']],
  [/^HS (\d+) is declared in its legal unit: (.+) \(法定计量单位\)$/, 'unitNotLegal', ['hs', 'units']],
  [/^producer (\S+) is not in the registry of overseas food producers/, 'producerUnknown', ['producer']],
  [/^producer (\S+) is (suspended|cancelled) \(/, 'producerState', ['producer', 'state']],
  [/^producer (\S+) is registered in (\S+), not in the origin (\S+) \(/, 'producerCountry', ['producer', 'country', 'origin']],
  [/^producer (\S+) is not registered for HS (\d+) \(its categories: ([\d,]+)\)/, 'producerProduct', ['producer', 'hs', 'categories']],
  [/^producer (\S+) has no registration in force today/, 'producerExpired', ['producer']],
  [/^no such declaration$/, 'noSuchDeclaration'],
  [/^no such sample$/, 'noSuchSample'],
  [/^no such inspection$/, 'noSuchInspection'],
  [/^no such manifest$/, 'noSuchManifest'],
  [/^no such decision$/, 'noSuchDecision'],
  [/^no tax bill for this declaration$/, 'noTaxBill'],
  [/^no enterprise with USCC (\S+)$/, 'noEnterprise', ['uscc']],
  [/^missing or wrong CSRF token$/, 'csrf'],
  [/^wrong user name or password$/, 'wrongPassword'],
  [/^user (\S+) is disabled$/, 'userDisabled', ['name']],
  [/^password must be 12 to 128 characters$/, 'passwordRule'],
]

// The reasons of the identifier checks (src/check/), after "FIELD is not valid: ".
const API_REASONS = [
  [/^chapter \(first two digits\) must be 01-97$/, 'chapter'],
  [/^chapter 77 is reserved/, 'chapter77'],
  [/^wrong check character \(position 18, GB 32100\)$/, 'check18'],
  [/^wrong organisation code check character/, 'check17'],
  [/^wrong check character$/, 'check'],
  [/^must be 10 characters$/, 'len10'],
  [/^must be 18 characters$/, 'len18'],
  [/^must be 10 digits$/, 'digits10'],
  [/^must be digits only$/, 'digits'],
  [/^letters I, O, Z, S and V are not used/, 'letters'],
  [/^letters must be upper-case$/, 'upper'],
  [/^only digits and upper-case letters are allowed$/, 'chars'],
  [/^positions 3-8 \(administrative division\) must be digits$/, 'division'],
  [/^first 4 characters \(customs area code\) must be digits$/, 'area'],
  [/^must not be empty$/, 'empty'],
  [/^must be 2 to 10 digits$/, 'digits2to10'],
]

// A field path of the API ("items[0].hs_code") in words: the field's label when the console has
// one, after the item's number.
function fieldWords(field) {
  const { t, te } = i18n.global
  const m = /^(?:items\[(\d+)\]\.)?([a-z_]+)$/.exec(field || '')
  if (!m) return field
  const key = ['apiField', 'ent', 'decl', 'item', 'tax'].map((ns) => `${ns}.${m[2]}`).find((k) => te(k))
  const label = key ? t(key) : m[2]
  return m[1] !== undefined ? `${t('decl.item', { n: Number(m[1]) + 1 })} ${label}` : label
}

function known(list, text, prefix) {
  for (const [re, key, names = []] of list) {
    const m = re.exec(text)
    if (m) return i18n.global.t(`${prefix}.${key}`, Object.fromEntries(names.map((n, i) => [n, m[i + 1]])))
  }
  return null
}

// The message for an ApiError in the chosen language: a known message of the API translated
// (its field and rule are in the words), else the API's own text after the translated name of
// its code, else the translated code alone.
// An inspection's reason as risk screening writes it (src/risk: the names of the rules that
// fired, then "random selection", joined by "; "), in the chosen language: the rule names are
// data and stay as their authors wrote them; the words the server adds are translated.
export function reasonText(reason) {
  return reasonSegments(reason).map(([text]) => text).join('')
}

// The same as segments [text, data] for a page to mark the rule names as data (dataText.js).
export function reasonSegments(reason) {
  const { t } = i18n.global
  if (!reason) return []
  const out = []
  reason.split('; ').forEach((part, i) => {
    if (i) out.push([t('insp.reasonSep'), false])
    out.push(part === 'random selection' ? [t('insp.randomSelection'), false] : [part, true])
  })
  return out
}

// An audit row's action ("declaration.release") in words, the code kept for the title; an
// action the table does not know yet shows its code.
export function actionText(action) {
  const { t, te } = i18n.global
  const key = `auditAct.${String(action || '').replace(/\./g, '_')}`
  return action && te(key) ? t(key) : action || ''
}

const CJK = /[\u4e00-\u9fff]/

export function errorText(e) {
  const { t, te } = i18n.global
  if (!e) return ''
  const msg = e.message || ''
  const mine = msg && known(API_MESSAGES, msg, 'apiMsg')
  if (mine) return mine
  const bad = /^(\S+) is not valid: (.+)$/.exec(msg)
  if (bad) {
    const reason = known(API_REASONS, bad[2], 'apiReason')
    if (reason) return t('apiMsg.notValid', { field: fieldWords(bad[1]), reason })
  }
  const key = `errors.${e.code}`
  // the API's own words in Chinese (Accept-Language: the console's language) are shown as given
  // (a network failure's words are the browser's)
  if (msg && e.code !== 'network' && CJK.test(msg)) {
    // a message that opens with its field's name or path ("items[0].hs_code无效：…", "hs_code无效：…"
    // for items[0].hs_code) names it in words
    const lead = /^[A-Za-z_][\w.[\]]*/.exec(msg)?.[0]
    const ours = lead && e.field && (e.field === lead || e.field.endsWith(`.${lead}`))
    const words = ours ? fieldWords(lead) : lead
    if (!ours || words === lead) return msg
    const rest = msg.slice(lead.length)
    return words + (CJK.test(words.slice(-1)) ? rest.replace(/^ /, '') : rest)
  }
  if (e.field && msg) return te(key) ? t('errors.withText', { what: t(key), text: msg }) : msg
  return te(key) ? t(key) : msg || t('common.error')
}
