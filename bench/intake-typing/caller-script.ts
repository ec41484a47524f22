import type { FieldScript } from './keystroke-plan';

/**
 * A caller's details as an agent types them during the call: name, mobile,
 * address, the description of what happened and what the caller wants.
 * Chinese words come with the pinyin typed for them.
 */
export const CALLER_SCRIPT: readonly FieldScript[] = [
  { field: 'customerName', segments: [{ pinyin: 'zhangwei', text: '张伟' }] },
  { field: 'phone', segments: ['138 2645 1937'] },
  {
    field: 'address',
    segments: [{ pinyin: 'guangzhou', text: '广州' }, { pinyin: 'tianhe', text: '天河' }, { pinyin: 'tiyu', text: '体育' }, { pinyin: 'xilu', text: '西路' }, '108', { pinyin: 'hao', text: '号' }],
  },
  {
    field: 'description',
    segments: [
      { pinyin: 'shanggeyue', text: '上个月' }, { pinyin: 'kuandai', text: '宽带' }, { pinyin: 'turan', text: '突然' }, { pinyin: 'duanwang', text: '断网' },
      { pinyin: 'santian', text: '三天' }, '，', { pinyin: 'dale', text: '打了' }, { pinyin: 'sanci', text: '三次' }, { pinyin: 'kefu', text: '客服' },
      { pinyin: 'dianhua', text: '电话' }, { pinyin: 'doushuo', text: '都说' }, { pinyin: 'hui', text: '会' }, { pinyin: 'pairen', text: '派人' },
      { pinyin: 'shangmen', text: '上门' }, '，', { pinyin: 'yizhi', text: '一直' }, { pinyin: 'meiren', text: '没人' }, { pinyin: 'lai', text: '来' }, '，',
      { pinyin: 'hai', text: '还' }, { pinyin: 'zhaochang', text: '照常' }, { pinyin: 'kou', text: '扣' }, { pinyin: 'le', text: '了' },
      '200', { pinyin: 'yuan', text: '元' }, { pinyin: 'yuefei', text: '月费' }, '。',
    ],
  },
  { field: 'demands', segments: [{ pinyin: 'tuihuan', text: '退还' }, { pinyin: 'feiyong', text: '费用' }, '，', { pinyin: 'shumian', text: '书面' }, { pinyin: 'daoqian', text: '道歉' }] },
];
