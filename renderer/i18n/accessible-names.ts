/**
 * The English accessible names automation and assistive technology rely on
 * (the automation contract of the UX guide). In the English UI controls carry
 * exactly these; in any other language a control is named by the text the
 * user sees there (A11Y_TEXT), so a screen reader speaks what is on screen.
 * Renaming one breaks every script written against it.
 */
export const A11Y = {
  // sign-in
  username: 'Username',
  password: 'Password',
  signIn: 'Sign in',
  // anywhere signed in
  language: 'Language',
  syncStatus: 'Sync status',
  signOut: 'Sign out',
  newComplaint: 'New complaint',
  queue: 'Queue',
  search: 'Search',
  navigation: 'Main navigation',
  shortcuts: 'Keyboard shortcuts',
  // intake
  customerName: 'Customer name',
  phone: 'Phone',
  channel: 'Channel',
  customerType: 'Customer type',
  category: 'Category',
  description: 'Description',
  demands: 'Demands',
  saveComplaint: 'Save complaint',
  complaintNumber: 'Complaint number',
  // soothing
  soothingPanel: 'Soothing',
  calmed: 'Calmed the customer',
  understood: 'Understood the cause',
  offeredSolution: 'Offered a solution',
  customerWithdrew: 'Customer withdrew',
  fileWorkOrder: 'File work order',
  // queue and detail
  complaints: 'Complaints',
  timeline: 'Timeline',
  escalate: 'Escalate',
  reason: 'Reason',
  confirm: 'Confirm',
  cancel: 'Cancel',
  /** The detail's confirmation of the last recorded action. */
  actionStatus: 'Action status',
} as const;

export type A11yKey = keyof typeof A11Y;

/** The translation key of the text each named control shows: its name outside the English UI. */
export const A11Y_TEXT: Record<A11yKey, string> = {
  username: 'signIn.username',
  password: 'signIn.password',
  signIn: 'signIn.submit',
  language: 'language.label',
  syncStatus: 'sync.label',
  signOut: 'shell.signOut',
  newComplaint: 'nav.new',
  queue: 'nav.queue',
  search: 'shell.search',
  navigation: 'nav.label',
  shortcuts: 'shell.shortcuts',
  customerName: 'intake.customerName',
  phone: 'intake.phone',
  channel: 'intake.channel',
  customerType: 'intake.customerType',
  category: 'intake.category',
  description: 'intake.description',
  demands: 'intake.demands',
  saveComplaint: 'intake.save',
  complaintNumber: 'intake.complaintNumber',
  soothingPanel: 'soothing.title',
  calmed: 'soothing.calmed',
  understood: 'soothing.understood',
  offeredSolution: 'soothing.offeredSolution',
  customerWithdrew: 'soothing.withdrew',
  fileWorkOrder: 'soothing.fileWorkOrder',
  complaints: 'queue.grid',
  timeline: 'detail.timeline',
  escalate: 'detail.escalate',
  reason: 'detail.reason',
  confirm: 'detail.confirm',
  cancel: 'detail.cancel',
  actionStatus: 'outcome.label',
};

/** A control's accessible name: its English name in the English UI, the text the user sees in any other. */
export function accessibleName(language: string, english: string, visible: string): string {
  return language === 'en' ? english : visible;
}
