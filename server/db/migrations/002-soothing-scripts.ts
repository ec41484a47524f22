import type { Migration } from './index';

/**
 * The starter script library (安抚口径): the opening apology and scenarios A
 * (attitude), B (business error) and C (no error found), in zh-CN and English.
 * Placeholders: {customerName}, {agentJobNumber}, {issue}. Administrators edit
 * or replace them; this only fills an empty library once.
 */
const SCRIPTS: { id: string; language: string; scenario: string; category: string | null; title: string; text: string }[] = [
  {
    id: 'opening-zh',
    language: 'zh-CN',
    scenario: 'opening',
    category: null,
    title: '开场致歉',
    text: '{customerName}您好,我是{agentJobNumber}号客服代表。非常抱歉给您带来了不好的体验,请您别着急,您慢慢说,我会认真记录并尽力帮您处理。',
  },
  {
    id: 'opening-en',
    language: 'en',
    scenario: 'opening',
    category: null,
    title: 'Opening apology',
    text: 'Hello {customerName}, this is agent {agentJobNumber}. I am very sorry for the trouble you have had. Please take your time; I will note everything down and do my best to help.',
  },
  {
    id: 'scenario-a-zh',
    language: 'zh-CN',
    scenario: 'A',
    category: 'attitude',
    title: '场景A:服务态度',
    text: '{customerName},对于{issue},我代表我们中心向您诚恳道歉。服务中让您感到不被尊重是我们的不对,您反映的情况我已详细记录,会交由班长核实并在规定时间内给您回复。',
  },
  {
    id: 'scenario-a-en',
    language: 'en',
    scenario: 'A',
    category: 'attitude',
    title: 'Scenario A: attitude',
    text: '{customerName}, on behalf of the centre I sincerely apologise for {issue}. You should never have been made to feel disrespected. I have recorded everything; a team lead will look into it and get back to you within the committed time.',
  },
  {
    id: 'scenario-b-zh',
    language: 'zh-CN',
    scenario: 'B',
    category: 'business_error',
    title: '场景B:业务差错',
    text: '{customerName},经核实,{issue}确实是我们办理有误,非常抱歉。我现在为您重新正确办理;由此产生的费用,我们会在权限内为您办理退还,并告知您到账时间。',
  },
  {
    id: 'scenario-b-en',
    language: 'en',
    scenario: 'B',
    category: 'business_error',
    title: 'Scenario B: business error',
    text: '{customerName}, I have checked and {issue} was indeed our mistake; I am very sorry. I will redo it correctly for you now, and any charge it caused will be refunded within our authority; I will tell you when to expect it.',
  },
  {
    id: 'scenario-c-zh',
    language: 'zh-CN',
    scenario: 'C',
    category: null,
    title: '场景C:未发现差错',
    text: '{customerName},我查看了记录,关于{issue},当时的办理过程是这样的……给您造成误解非常抱歉。如果您需要,我可以现在再为您重新办理一次,确保您满意。',
  },
  {
    id: 'scenario-c-en',
    language: 'en',
    scenario: 'C',
    category: null,
    title: 'Scenario C: no error found',
    text: '{customerName}, I have looked at the records for {issue}; this is what happened at the time… I am sorry for the confusion. If you like, I can go through it again with you now so that everything is right.',
  },
];

const literal = (value: string | null): string => (value === null ? 'null' : `'${value.replace(/'/g, "''")}'`);

export const soothingScripts: Migration = {
  version: 2,
  name: 'soothing-scripts',
  sql: SCRIPTS.map(
    (s, i) =>
      `insert into scripts (id, language, scenario, category, title, text, sort) values (${literal(s.id)}, ${literal(
        s.language,
      )}, ${literal(s.scenario)}, ${literal(s.category)}, ${literal(s.title)}, ${literal(s.text)}, ${i});`,
  ).join('\n'),
};
