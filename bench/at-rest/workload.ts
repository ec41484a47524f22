import type { CreateComplaintInput } from '../../renderer/data/commands/create';
import { samplePayloads } from '../../shared/test-support/sample-payloads';

/**
 * The benchmark's complaints, the same for every variant: invented
 * complainants (a Chinese name, a mobile number) and descriptions made of
 * a few phrases, so searches by name, phone digits and description words
 * each find a handful of complaints, as on a real desk.
 */
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红'];
const TOPICS = ['宽带安装迟迟不来', '话费扣款有误', '营业厅排队太久', '套餐变更未生效', '信号覆盖差', '客服态度冷淡', '流量超额收费', '号码停机未通知'];
const PLACES = ['天河区', '越秀区', '海珠区', '白云区', '番禺区', '黄埔区'];

/** A small deterministic generator: every run and both variants see the same complaints. */
function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

export interface WorkloadComplaint {
  intake: CreateComplaintInput;
  /** Free-text notes written after the creation, each a command of its own. */
  notes: string[];
}

export function workloadComplaint(i: number): WorkloadComplaint {
  const name = `${pick(SURNAMES, i * 7)}${pick(GIVEN, i * 13 + 3)}${pick(GIVEN, i * 31 + 11)}`;
  const phone = `139${String((i * 7919 + 12_345_678) % 100_000_000).padStart(8, '0')}`;
  const place = pick(PLACES, i * 3);
  return {
    intake: {
      ...samplePayloads['complaint.created'],
      complainant: { name, phone, address: `广州市${place}第${(i % 90) + 1}号`, customerType: 'ordinary' },
      description: `${place}用户反映${pick(TOPICS, i)}，要求尽快处理`,
    },
    notes: [`已回电 ${phone}，客户要求下午再联系`, `${name}表示${pick(TOPICS, i + 1)}也需一并核实`],
  };
}
