/**
 * 中途意见, the note the team lead adds after the 二解 callback. The zh-CN text
 * is the norm's template word for word, blanks filled; the English is its
 * translation for English-speaking staff.
 */
export interface MidCourseNoteFields {
  /** 流水号 of the complained-about call's recording. */
  recordingSerial: string;
  /** 服务情况或存在的问题: how the agent served, or what went wrong. */
  agentConduct: string;
  /** 属实 (true) or 不存在 (false). */
  complaintFounded: boolean;
  /** 接受 (true) or 不接受 (false). */
  customerAccepted: boolean;
  /** 流水号 of the callback call. */
  callbackSerial: string;
}

export type NoteLocale = 'zh-CN' | 'en';

function blank(value: string, name: string): string {
  const v = value.trim();
  if (v === '') throw new RangeError(`mid-course note: ${name} is empty`);
  return v;
}

export function renderMidCourseNote(fields: MidCourseNoteFields, locale: NoteLocale): string {
  const recording = blank(fields.recordingSerial, 'recordingSerial');
  const conduct = blank(fields.agentConduct, 'agentConduct');
  const callback = blank(fields.callbackSerial, 'callbackSerial');
  if (locale === 'zh-CN') {
    return (
      `经听${recording}录音,话务员${conduct},` +
      `客户投诉情况${fields.complaintFounded ? '属实' : '不存在'},` +
      `经联系客户解释,客户${fields.customerAccepted ? '接受' : '不接受'},` +
      `回访流水号${callback}.`
    );
  }
  return (
    `Listened to recording ${recording}; agent: ${conduct}; ` +
    `complaint ${fields.complaintFounded ? 'founded' : 'not founded'}; ` +
    `after contacting the customer and explaining, the customer ${fields.customerAccepted ? 'accepted' : 'did not accept'}; ` +
    `callback serial ${callback}.`
  );
}

/**
 * The note says "经联系客户解释,客户(接受/不接受)": it claims the customer was
 * reached. It is false when no attempt reached the customer, when its
 * callback serial names no call that reached them, or when it reports an
 * acceptance that call did not get.
 */
export function midCourseNoteFalse(
  note: Pick<MidCourseNoteFields, 'callbackSerial' | 'customerAccepted'>,
  attempts: readonly { reached: boolean; serial: string; customerAccepted?: boolean }[],
): boolean {
  const reached = attempts.filter((a) => a.reached);
  if (reached.length === 0) return true;
  const call = reached.find((a) => a.serial === note.callbackSerial);
  if (!call) return true;
  return call.customerAccepted !== undefined && call.customerAccepted !== note.customerAccepted;
}
