/**
 * The English accessible names automation and assistive technology rely on
 * (the automation contract of the UX guide). They stay English whatever the
 * display language: controls carry these as aria-label while their visible
 * text is translated. Renaming one breaks every script written against it.
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
