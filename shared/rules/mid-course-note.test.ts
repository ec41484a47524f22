import { describe, expect, it } from 'vitest';
import { renderMidCourseNote } from './mid-course-note';

const fields = {
  recordingSerial: 'LS20261123001',
  agentConduct: '语气生硬，未耐心解释',
  complaintFounded: true,
  customerAccepted: true,
  callbackSerial: 'HF20261124007',
};

describe('mid-course note (中途意见) template', () => {
  it('fills the norm template in zh-CN', () => {
    expect(renderMidCourseNote(fields, 'zh-CN')).toBe(
      '经听LS20261123001录音,话务员语气生硬，未耐心解释,客户投诉情况属实,经联系客户解释,客户接受,回访流水号HF20261124007.',
    );
  });

  it('says 不存在 and 不接受 for the negative answers', () => {
    const text = renderMidCourseNote({ ...fields, complaintFounded: false, customerAccepted: false }, 'zh-CN');
    expect(text).toContain('客户投诉情况不存在');
    expect(text).toContain('客户不接受');
  });

  it('renders in English', () => {
    expect(renderMidCourseNote({ ...fields, agentConduct: 'curt tone', customerAccepted: false }, 'en')).toBe(
      'Listened to recording LS20261123001; agent: curt tone; complaint founded; after contacting the customer and explaining, the customer did not accept; callback serial HF20261124007.',
    );
  });

  it('refuses an empty blank', () => {
    expect(() => renderMidCourseNote({ ...fields, callbackSerial: '  ' }, 'zh-CN')).toThrow(RangeError);
  });
});
