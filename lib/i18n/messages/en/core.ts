const core = {
  app: { name: "TrafficOps", short: "TrafficOps", tagline: "Duty and statistics for traffic-police brigades" },
  common: {
    save: "Save", cancel: "Cancel", confirm: "Confirm", delete: "Delete", edit: "Edit", create: "New", search: "Search",
    filter: "Filter", reset: "Reset", back: "Back", close: "Close", loading: "Loading…", saving: "Saving…",
    empty: "Nothing here yet", actions: "Actions", yes: "Yes", no: "No", all: "All", next: "Next", prev: "Previous",
    more: "More", details: "Details", total: "Total", export: "Export", import: "Import", print: "Print", refresh: "Refresh",
    saved: "Saved", required: "Required", optional: "Optional", none: "None", unknown: "Unknown", status: "Status",
    comingSoon: "Coming soon", comingSoonBody: "This part of TrafficOps is being built.", firstPage: "First page",
    areYouSure: "Are you sure?", language: "Language", createdAt: "Created", updatedAt: "Updated",
    history: "History", historyEmpty: "No changes recorded yet",
    showing: "{count} in all", page: "Page {page}",
  },
  nav: {
    dashboard: "Dashboard", map: "Duty map", beats: "Beats", violations: "Violations", accidents: "Accidents",
    hazards: "Hazards", window: "VMO window", reports: "Reports", admin: "Administration", units: "Units",
    menu: "Menu", home: "Home",
  },
  auth: {
    title: "Sign in", subtitle: "Duty and statistics for traffic-police brigades", username: "Username", password: "Password",
    submit: "Sign in", submitting: "Signing in…", signOut: "Sign out",
    failed: "Wrong username or password, or the account is locked for a while (5 failures lock it for 15 minutes).",
    sessionExpired: "Your session has expired. Please sign in again.", networkError: "Network error, please try again.",
    demoHint: "Demo password: TrafficOps-demo-2026",
  },
  errors: {
    UNAUTHENTICATED: "Please sign in.", FORBIDDEN: "You are not allowed to do that.", NOT_FOUND: "Not found, or outside your unit.",
    CONFLICT: "This conflicts with an existing record.", INVALID: "Please check the fields marked in red.", PAYLOAD_TOO_LARGE: "Too large.",
    LOCKED: "The account is locked for a while.", RATE_LIMITED: "Too many requests, try again shortly.", UNAVAILABLE: "Service unavailable, try again shortly.",
    INTERNAL: "Something went wrong (reference {requestId}).",
    forbiddenTitle: "Not allowed", forbiddenBody: "Your role cannot open this page. Ask an administrator if you need access.",
    notFoundTitle: "Page not found", notFoundBody: "This page does not exist, or it is outside your unit.",
  },
  validation: {
    required: "Required", tooLong: "Too long", invalid: "Invalid format",
    idCard: "Invalid ID-card number (18 characters with a valid check digit)", plate: "Invalid plate number",
    passwordWeak: "At least 10 characters, with letters and digits", username: "3–32 characters: lower-case letters, digits, - and _",
    phone: "Invalid mobile number", futureDate: "Cannot be in the future", latitude: "Latitude out of range", longitude: "Longitude out of range",
    unitCode: "Letters, digits, - and _ only", positiveInt: "Enter a whole number, 0 or more",
  },
  roles: {
    ADMIN: "Administrator", COMMANDER: "Commander", DUTY_OFFICER: "Duty officer", CLERK: "VMO clerk",
    OFFICER: "Road police officer", AUXILIARY: "Auxiliary", LEGAL: "Legal officer", TOKEN: "API token",
  },
  unitKinds: { PROVINCE: "Province", DETACHMENT: "Detachment", BRIGADE: "Brigade", SQUAD: "Squad" },
  squadKinds: { URBAN: "Urban squad", RURAL: "Rural area squad", HIGHWAY: "Highway squad" },
  forbidden: { title: "Not allowed" },
};
export default core;
