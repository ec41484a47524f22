import type { Migration } from './index';

/**
 * Scripts by audience: the agents' soothing scripts at intake, and the team
 * leads' 二解 callback scripts (scenarios A, B, C of the norm: attitude,
 * business error, no error found), each asking once for acceptance. Every
 * existing script is an agent's. Placeholders as in 002; on the callbacks
 * screen {customerName} is the customer addressed as 先生/女士 where known and
 * {agentJobNumber} the complained-about agent.
 */
const LEAD_SCRIPTS: { id: string; language: string; scenario: string; category: string | null; title: string; text: string }[] = [
  {
    id: 'lead-scenario-a-zh',
    language: 'zh-CN',
    scenario: 'A',
    category: 'attitude',
    title: '班长回访 场景A:服务态度',
    text: '{customerName}您好,我是客服中心的班长。您反映{agentJobNumber}号话务员在{issue}中服务态度不好,我们已经听了通话录音,确实是我们做得不到位,我代表班组向您诚恳道歉,也会对这位话务员进行辅导。请问您能接受我们的道歉吗?',
  },
  {
    id: 'lead-scenario-a-en',
    language: 'en',
    scenario: 'A',
    category: 'attitude',
    title: 'Lead callback, scenario A: attitude',
    text: 'Hello {customerName}, this is the team lead at the contact centre. We have listened to the recording of your call about {issue} with agent {agentJobNumber}; the way you were treated was not acceptable, and on behalf of the team I sincerely apologise. The agent will be coached. Would you accept our apology?',
  },
  {
    id: 'lead-scenario-b-zh',
    language: 'zh-CN',
    scenario: 'B',
    category: 'business_error',
    title: '班长回访 场景B:业务差错',
    text: '{customerName}您好,我是客服中心的班长。经核实,{issue}确实是{agentJobNumber}号话务员办理有误,非常抱歉。我们已为您重新正确办理;由此产生的费用,会在权限内为您退还,并告知您到账时间。请问您是否接受这样的处理?',
  },
  {
    id: 'lead-scenario-b-en',
    language: 'en',
    scenario: 'B',
    category: 'business_error',
    title: 'Lead callback, scenario B: business error',
    text: 'Hello {customerName}, this is the team lead at the contact centre. I have checked {issue}: agent {agentJobNumber} did make a mistake, and I am very sorry. It has now been done correctly, and any charge it caused will be refunded within our authority; I will tell you when to expect it. Would you accept this?',
  },
  {
    id: 'lead-scenario-c-zh',
    language: 'zh-CN',
    scenario: 'C',
    category: null,
    title: '班长回访 场景C:未发现差错',
    text: '{customerName}您好,我是客服中心的班长。我们听了录音,{agentJobNumber}号话务员当时是按规定为您办理{issue}的,具体情况是这样的……给您造成误解,非常抱歉。如果您需要,我们可以现在再为您办理一次。请问您是否认可?',
  },
  {
    id: 'lead-scenario-c-en',
    language: 'en',
    scenario: 'C',
    category: null,
    title: 'Lead callback, scenario C: no error found',
    text: 'Hello {customerName}, this is the team lead at the contact centre. We listened to the recording: agent {agentJobNumber} handled {issue} as the rules require, and this is what happened… I am sorry for the misunderstanding. If you like, we can go through it again with you now. Would that be all right?',
  },
];

const literal = (value: string | null): string => (value === null ? 'null' : `'${value.replace(/'/g, "''")}'`);

export const scriptAudience: Migration = {
  version: 10,
  name: 'script-audience',
  sql: [
    `alter table scripts add column audience text not null default 'agent';`,
    ...LEAD_SCRIPTS.map(
      (s, i) =>
        `insert into scripts (id, language, scenario, category, title, text, sort, audience) values (${literal(s.id)}, ${literal(
          s.language,
        )}, ${literal(s.scenario)}, ${literal(s.category)}, ${literal(s.title)}, ${literal(s.text)}, ${100 + i}, 'lead') on conflict (id) do nothing;`,
    ),
  ].join('\n'),
};
