import { GRADES, type Grade } from '../../../../shared/events/catalogue';
import { commands } from '../../../data/commands';
import { opt, str, userLabel, usersOfBranch, type SpecBuilders } from './spec-context';

/** Handling a complaint along the way: notes, transfer, assignment, grade, urging, notifying the parties. */
export const handlingSpecs: SpecBuilders = {
  note: (id, ctx) => {
    const c = ctx.complaint;
    const t = ctx.t;
    return {
      id, title: t('detail.addNote'), submitLabel: t('detail.addNote'),
      fields: [{ name: 'text', label: t('detail.note'), kind: 'textarea', required: true }],
      submit: (v) => commands.addNote(c.id, str(v.text)),
    };
  },
  transfer: (id, ctx) => {
    const c = ctx.complaint;
    const ref = ctx.reference;
    const t = ctx.t;
    const others = ref.branches.filter((b) => b.id !== c.branchId);
    return {
      id, title: t('detail.transfer'), submitLabel: t('detail.transfer'),
      blocked: others.length === 0 ? t('queue.empty') : null,
      fields: [
        {
          name: 'to', label: t('detail.transferTo'), kind: 'select', required: true, initial: '',
          options: others.map((b) => ({ value: b.id, label: ctx.language === 'en' && b.nameEn ? b.nameEn : b.name })),
        },
        { name: 'note', label: t('detail.reason'), kind: 'text' },
      ],
      submit: (v) => commands.transfer(c.id, str(v.to), str(v.note) || undefined),
    };
  },
  assign: (id, ctx) => {
    const c = ctx.complaint;
    const t = ctx.t;
    const branchUsers = usersOfBranch(ctx);
    return {
      id, title: t('detail.assign'), submitLabel: t('detail.assign'),
      fields: [
        {
          name: 'to', label: t('detail.assignTo'), kind: 'select', required: true, initial: '',
          options: branchUsers.filter((u) => u.role !== 'admin').map((u) => ({ value: u.id, label: `${userLabel(u)} · ${t(`roles.${u.role}`)}` })),
        },
      ],
      submit: (v) => commands.assign(c.id, str(v.to)),
    };
  },
  grade: (id, ctx) => {
    const c = ctx.complaint;
    const t = ctx.t;
    return {
      id, title: t('detail.regrade'), submitLabel: t('detail.regrade'),
      fields: [
        {
          name: 'grade', label: t('detail.grade'), kind: 'select', initial: String(c.grade ?? 1),
          options: GRADES.map((g) => ({ value: String(g), label: `${g} · ${t(`grades.${g}`)}` })),
        },
        { name: 'reason', label: t('detail.reason'), kind: 'text' },
      ],
      submit: (v) => commands.grade(c.id, Number(v.grade) as Grade, str(v.reason) || undefined),
    };
  },
  urge: (id, ctx) => {
    const c = ctx.complaint;
    const t = ctx.t;
    return {
      id, title: t('detail.urge'), submitLabel: t('detail.urge'),
      fields: [
        { name: 'serial', label: t('intake.callSerial'), kind: 'text' },
        { name: 'note', label: t('detail.note'), kind: 'text' },
      ],
      submit: (v) => commands.recordUrge(c.id, { ...opt('serial', str(v.serial)), ...opt('note', str(v.note)) }),
    };
  },
  notifyParties: (id, ctx) => {
    const c = ctx.complaint;
    const t = ctx.t;
    const branchUsers = usersOfBranch(ctx);
    const jobs = c.respondent?.agentJobNumbers ?? [];
    const agents = branchUsers.filter((u) => u.role === 'agent');
    const matched = agents.find((u) => u.jobNumber && jobs.includes(u.jobNumber));
    const leads = branchUsers.filter((u) => u.role === 'team_lead');
    // The agent named by the complaint's job numbers and that agent's lead; otherwise nobody: the officer chooses.
    const lead = leads.find((l) => matched && l.teamId === matched.teamId);
    return {
      id, title: t('review.notify'), submitLabel: t('review.notify'),
      fields: [
        { name: 'agent', label: t('review.agents'), kind: 'select', required: true, initial: matched?.id ?? '',
          options: agents.map((u) => ({ value: u.id, label: userLabel(u) })) },
        { name: 'lead', label: t('review.leads'), kind: 'select', required: true, initial: lead?.id ?? '',
          options: leads.map((u) => ({ value: u.id, label: userLabel(u) })) },
      ],
      submit: (v) => commands.notifyParties(c.id, { agentIds: [str(v.agent)], leadIds: [str(v.lead)] }),
    };
  },
};
