// Account and sign-in security: the sign-in steps (second factor, password change, enrolment), my account, the admin's user page.
import type zh from "../zh/account";

const account: typeof zh = {
  account: {
    title: "My account",
    nav: "My account",
    signInSection: "Sign-in and security",
    secondFactor: "Two-factor authentication",
    totpOn: "On",
    totpOff: "Off (optional)",
    totpPending: "Not set up (required at the next sign-in)",
    totpSince: "On since {date}",
    recoveryLeft: "{n} recovery codes left",
    openSessions: "Open sessions",
    password: "Password",
    mustChange: "Must be changed at the next sign-in",
    sessionsEnded: "All of this user's sessions have ended.",
    totpReset: "Two-factor authentication was reset.",
    endSessions: "End all sessions",
    endSessionsConfirm: "End all of {name}'s sessions now? Every device of theirs must sign in again.",
    resetTotp: "Reset two-factor authentication",
    resetTotpConfirm:
      "Reset {name}'s two-factor authentication? Their sessions end and they set it up again at the next sign-in.",
    verifyTitle: "Two-factor check",
    verifyLead: "Enter the 6-digit code shown in your authenticator app, or an unused recovery code.",
    codeLabel: "Code or recovery code",
    verifySubmit: "Verify",
    verifying: "Verifying…",
    otherAccount: "Sign in as someone else",
    passwordTitle: "Choose a new password",
    passwordLead: "Someone else chose your password. Choose one that only you know first.",
    currentPassword: "Current password",
    newPassword: "New password",
    confirmPassword: "New password again",
    passwordRules:
      "At least 12 characters with letters and digits; not a common password, not the demo password, not containing your username.",
    passwordSubmit: "Save the new password",
    passwordChanged: "Password changed; sessions on other devices have ended.",
    enrolTitle: "Set up two-factor authentication",
    enrolRequired: "Your role signs in with a second factor: set it up to continue.",
    enrolLead:
      "Scan the QR code with an authenticator app on your phone (Microsoft Authenticator, Google Authenticator, FreeOTP…), then enter the 6-digit code it shows.",
    enrolQr: "QR code for two-factor authentication",
    enrolManual: "Cannot scan? Type this key into the app:",
    enrolCode: "6-digit code",
    enrolSubmit: "Turn on",
    recoveryTitle: "Recovery codes",
    recoveryLead:
      "If you lose your phone, a recovery code signs you in instead of a code, once each. Write them down or print them now and keep them safe: they are not shown again.",
    recoveryPrint: "Print",
    recoveryDone: "I have saved them — continue",
    enrolOptional: "Turn on two-factor authentication",
    newRecovery: "New recovery codes",
    newRecoveryConfirm: "New recovery codes make all the old ones stop working. Continue?",
    signOutEverywhere: "Sign out everywhere",
    signOutEverywhereLead:
      "For a lost phone or laptop: every device signed in as you (this one too) must sign in again.",
    signOutEverywhereConfirm: "Sign out on every device, this one included?",
    changePassword: "Change password",
  },
};
export default account;
