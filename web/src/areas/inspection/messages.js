// messages.js — the inspection area's words in Chinese and English (merged under `inspection`
// by areas.js): the samples desk of the inspection post.
export const zh = {
  menu: { samples: '样品管理' },
  samples: {
    title: '样品管理', q: '条形码、报关单号或生产企业', kind: '样品类型', status: '检测状态', entry: '报关单号',
    line: '商品项', producer: '生产企业', created: '采样时间', result: '检测时间', print: '打印所选标签',
    printPage: '打印本页标签', selected: '已选 {n} 个', anyKind: '全部类型',
  },
}

export const en = {
  menu: { samples: 'Samples' },
  samples: {
    title: 'Samples', q: 'Barcode, entry number or producer', kind: 'Kind', status: 'Lab status', entry: 'Entry no.',
    line: 'Item', producer: 'Producer', created: 'Taken', result: 'Result at', print: 'Print selected labels',
    printPage: 'Print this page’s labels', selected: '{n} selected', anyKind: 'All kinds',
  },
}
