const admin = {
  admin: {
    title: "系统管理", units: "单位", users: "用户", audit: "审计日志", tokens: "接口令牌", catalogue: "违法类型",
    unitTree: "单位树", newUnit: "新建单位", renameUnit: "修改名称", moveUnit: "调整上级", code: "单位代码",
    nameZh: "中文名称", nameEn: "英文名称", kind: "层级", squadKind: "中队类型", parent: "上级单位",
    moveTo: "移动到", moved: "已调整上级单位", created: "已创建", renamed: "已更新名称", unitCount: "{count} 个单位",
    profile: "年度概况", year: "年份", population: "人口", roadKm: "公路里程（公里）", vehicles: "机动车（辆）",
    drivers: "驾驶人（人）", police: "交警（人）", auxiliaries: "辅警（人）",
    newUser: "新建用户", username: "用户名", displayName: "姓名", badgeNumber: "警号", phone: "手机",
    role: "角色", unit: "所属单位", active: "状态", activeYes: "启用", activeNo: "已停用", lockedUntil: "锁定至",
    lastLogin: "最近登录", disable: "停用", enable: "启用", resetPassword: "重置密码", newPassword: "新密码",
    passwordReset: "密码已重置，请将新密码告知本人。", disableConfirm: "停用后该用户的所有会话立即失效。确定停用 {name}？",
    userSaved: "用户已保存", searchUsers: "按姓名、用户名或警号搜索",
    auditWhen: "时间", auditWho: "操作人", auditAction: "操作", auditEntity: "对象", auditChanges: "变更",
    auditIp: "IP", auditRequest: "请求编号", auditFilterAction: "操作类型", auditFrom: "起", auditTo: "止",
    before: "变更前", after: "变更后",
    tokenName: "名称（设备或系统）", tokenPermissions: "权限", tokenCreated: "令牌已创建。请立即复制，之后将不再显示：",
    tokenLastUsed: "最近使用", tokenRevoke: "吊销", tokenRevoked: "已吊销", tokenRevokeConfirm: "吊销后使用该令牌的设备将无法访问。确定吊销 {name}？",
    tokenExpires: "有效期至", newToken: "新建令牌", tokenPrefix: "前缀",
  },
  units: {
    title: "单位概况", children: "下级单位", personnel: "人员", noProfile: "暂无年度概况",
    ratioVehiclesPerPolice: "每名交警对应机动车", ratioDriversPerPolice: "每名交警对应驾驶人",
  },
};
export default admin;
