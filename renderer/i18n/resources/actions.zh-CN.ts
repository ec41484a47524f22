import type { actionsEn } from './actions.en';

/** 操作、操作结果与拒绝原因的文字（中文）。 */
export const actionsZhCN: typeof actionsEn = {
  outcome: {
    savedHere: '已保存在本机：{{what}}。尚未经服务器确认。',
    confirmed: '服务器已确认：{{what}}。',
    refused: '被拒绝，原因：{{reason}}',
    refusedWhat: '{{what}}：被拒绝，原因：{{reason}}',
    notWritten: '未保存任何内容。',
    label: '操作结果',
  },
  readOnly: {
    transferred: '已批转至{{branch}}。本机只读：现由{{branch}}处理。',
  },
  reasons: {
    illegal_state: '投诉当前的状态不允许此操作。',
    role_not_allowed: '您的角色不能进行此操作（{{what}}）。',
    notNow: '投诉处于“{{status}}”状态时不能“{{what}}”。',
    codes: {
      out_of_scope: '该投诉已不属于您的分支机构（已批转），或从未属于。',
      actor_mismatch: '该变更署名的操作人不是当前登录用户。',
      unknown_branch: '变更中的分支机构服务器不认识。',
      unknown_complaint: '服务器尚未收到这条投诉。',
      duplicate_id: '已有另一条变更使用了相同的编号。',
      schema: '其中有数据不合规。',
      unknown_type: '服务器不认识这类变更。',
      hlc_skew: '本机时钟与服务器相差过大。',
      forbidden: '您的角色或分支机构不能进行此操作。',
      invalid: '其中有数据不合规。',
    },
    fold: {
      noMidCourseNote: '班长尚未填写中途意见。',
      urgedBeforeNote: '客户在班长填写中途意见前催办，投诉已转入综援员的正常流程。',
      attemptsUsedUp: '回访次数已用完，由综援员按正常流程处理。',
      noteAlreadyAdded: '中途意见已填写。',
      alreadyReviewed: '回访已审核。',
      alreadyFiled: '工单已提交。',
      alreadyNotified: '已通知被投诉人及班长。',
      alreadyResolved: '投诉已处理完毕。',
      alreadyClosed: '投诉已结案。',
      alreadyReopened: '投诉已重新打开。',
      alreadyInBranch: '投诉已在该分支机构。',
      surveyAlreadyRecorded: '满意度回访已记录。',
      alreadyWithdrawn: '客户已撤诉。',
      noSuchRefund: '该投诉没有这笔退款申请。',
      notCreatedYet: '这条投诉本身尚未到达服务器。',
      badPayload: '其中有数据不合规。',
      closedArchived: '已结案的投诉已归档，请先重新打开。',
      alreadyNotAccepted: '已登记为不予受理。',
      alreadyAtLevel: '已在{{level}}层级。',
      clockAlreadyEscalated: '“{{clock}}”时限已升级过。',
      refundAlready: {
        approved: '该退款申请已批准。',
        denied: '该退款申请已驳回。',
      },
    },
  },
};
