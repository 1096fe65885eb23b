const core = {
  app: { name: "TrafficOps 交警勤务平台", short: "TrafficOps", tagline: "交警大队勤务与统计平台" },
  common: {
    save: "保存", cancel: "取消", confirm: "确认", delete: "删除", edit: "编辑", create: "新建", search: "搜索",
    filter: "筛选", reset: "重置", back: "返回", close: "关闭", loading: "加载中…", saving: "保存中…",
    empty: "暂无数据", actions: "操作", yes: "是", no: "否", all: "全部", next: "下一页", prev: "上一页",
    more: "更多", details: "详情", total: "合计", export: "导出", import: "导入", print: "打印", refresh: "刷新",
    saved: "已保存", required: "必填", optional: "选填", none: "无", unknown: "未知", status: "状态",
    comingSoon: "即将上线", comingSoonBody: "该功能正在建设中，敬请期待。", firstPage: "第一页",
    areYouSure: "确定要执行此操作吗？", language: "语言", createdAt: "创建时间", updatedAt: "更新时间",
    history: "变更记录", historyEmpty: "暂无变更记录",
    showing: "共 {count} 条", page: "第 {page} 页",
  },
  nav: {
    dashboard: "指挥看板", map: "勤务一张图", beats: "勤务排班", violations: "违法记录", accidents: "事故",
    hazards: "隐患", window: "车管窗口", reports: "统计报表", admin: "系统管理", units: "单位",
    menu: "菜单", home: "首页",
  },
  auth: {
    title: "登录", subtitle: "交警大队勤务与统计平台", username: "用户名", password: "密码", submit: "登录",
    submitting: "登录中…", signOut: "退出登录",
    failed: "用户名或密码错误，或账户已被临时锁定（连续 5 次失败将锁定 15 分钟）。",
    sessionExpired: "会话已过期，请重新登录。", networkError: "网络错误，请重试。",
    demoHint: "演示账号密码：TrafficOps-demo-2026",
  },
  errors: {
    UNAUTHENTICATED: "请先登录。", FORBIDDEN: "您无权执行此操作。", NOT_FOUND: "记录不存在或不在您的管辖范围内。",
    CONFLICT: "与现有记录冲突。", INVALID: "输入有误，请检查标红的字段。", PAYLOAD_TOO_LARGE: "提交的内容过大。",
    LOCKED: "账户已被临时锁定。", RATE_LIMITED: "请求过于频繁，请稍后再试。", UNAVAILABLE: "服务暂不可用，请稍后再试。",
    INTERNAL: "系统出错，请稍后重试（编号 {requestId}）。",
    forbiddenTitle: "无权访问", forbiddenBody: "您的角色无权打开此页面。如需权限，请联系系统管理员。",
    notFoundTitle: "页面不存在", notFoundBody: "您访问的页面不存在，或不在您的管辖范围内。",
  },
  validation: {
    required: "此项必填", tooLong: "内容过长", invalid: "格式不正确",
    idCard: "身份证号码无效（18 位，末位校验码不符）", plate: "号牌号码格式不正确",
    passwordWeak: "密码至少 10 位，且须同时包含字母和数字", username: "用户名只能包含小写字母、数字、-、_，3–32 位",
    phone: "手机号码格式不正确", futureDate: "时间不能晚于现在", latitude: "纬度超出范围", longitude: "经度超出范围",
    unitCode: "单位代码只能包含字母、数字、- 和 _", positiveInt: "请输入非负整数",
  },
  roles: {
    ADMIN: "系统管理员", COMMANDER: "大队长/指挥员", DUTY_OFFICER: "勤务值班员", CLERK: "车管窗口",
    OFFICER: "路警", AUXILIARY: "路员（辅警）", LEGAL: "法制员", TOKEN: "接口令牌",
  },
  unitKinds: { PROVINCE: "省厅", DETACHMENT: "支队", BRIGADE: "大队", SQUAD: "中队" },
  squadKinds: { URBAN: "城区中队", RURAL: "农村片区中队", HIGHWAY: "高速中队" },
  forbidden: { title: "无权访问" },
};
export default core;
