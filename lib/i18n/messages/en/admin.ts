const admin = {
  admin: {
    title: "Administration", units: "Units", users: "Users", audit: "Audit log", tokens: "API tokens", catalogue: "Violation types",
    unitTree: "Unit tree", newUnit: "New unit", renameUnit: "Rename", moveUnit: "Move", code: "Code",
    nameZh: "Chinese name", nameEn: "English name", kind: "Level", squadKind: "Squad type", parent: "Parent unit",
    moveTo: "Move to", moved: "Unit moved", created: "Created", renamed: "Names updated", unitCount: "{count} units",
    profile: "Yearly profile", year: "Year", population: "Population", roadKm: "Road network (km)", vehicles: "Motor vehicles",
    drivers: "Drivers", police: "Traffic police", auxiliaries: "Auxiliaries",
    newUser: "New user", username: "Username", displayName: "Name", badgeNumber: "Badge no.", phone: "Mobile",
    role: "Role", unit: "Unit", active: "Status", activeYes: "Active", activeNo: "Disabled", lockedUntil: "Locked until",
    lastLogin: "Last sign-in", disable: "Disable", enable: "Enable", resetPassword: "Reset password", newPassword: "New password",
    passwordReset: "Password reset. Give the new password to the user in person.", disableConfirm: "Disabling ends all of this user's sessions at once. Disable {name}?",
    userSaved: "User saved", searchUsers: "Search by name, username or badge",
    auditWhen: "When", auditWho: "Who", auditAction: "Action", auditEntity: "Record", auditChanges: "Changes",
    auditIp: "IP", auditRequest: "Request", auditFilterAction: "Action", auditFrom: "From", auditTo: "To",
    before: "Before", after: "After",
    tokenName: "Name (device or system)", tokenPermissions: "Permissions", tokenCreated: "Token created. Copy it now, it will not be shown again:",
    tokenLastUsed: "Last used", tokenRevoke: "Revoke", tokenRevoked: "Revoked", tokenRevokeConfirm: "Devices using this token will lose access. Revoke {name}?",
    tokenExpires: "Expires", newToken: "New token", tokenPrefix: "Prefix",
  },
  units: {
    title: "Unit overview", children: "Sub-units", personnel: "Personnel", noProfile: "No yearly profile yet",
    ratioVehiclesPerPolice: "Vehicles per police officer", ratioDriversPerPolice: "Drivers per police officer",
  },
};
export default admin;
