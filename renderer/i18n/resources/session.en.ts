/** Sign-out with unsynced work (English). */
export const sessionEn = {
  signOutWarning: {
    title: 'Changes not yet synced',
    body: 'Changes made here and not yet on the server: {{count}}.',
    kept: 'They stay on this workstation for you alone, hidden from anyone else who signs in here, and sync the next time you sign in.',
    confirm: 'Sign out and keep them',
    cancel: 'Stay signed in',
  },
};
