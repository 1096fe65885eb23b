// 重点车辆（两客一危一校/一货）与闭环监管（issue: records）。
const keyvehicles = {
  keyvehicles: {
    title: "重点车辆", vehicles: "重点车辆", enterprises: "运输企业", drivers: "重点驾驶人", supervision: "闭环监管",
    newVehicle: "登记车辆", newEnterprise: "登记企业", newDriver: "登记驾驶人", newFinding: "登记问题",
    plate: "号牌", vehicleClass: "车辆类别", enterprise: "所属企业", noEnterprise: "无", inspectionDue: "检验有效期至", scrapDue: "强制报废期",
    status: "状态", overdueOnly: "只看逾期未检", overdue: "逾期未检", search: "搜索",
    name: "名称", creditCode: "统一社会信用代码", kind: "类型", address: "地址", contactName: "联系人", contactPhone: "联系电话", active: "在营",
    vehicleCount: "车辆", driverCount: "驾驶人", openFindings: "未销号问题",
    driverName: "姓名", idNumber: "身份证号", licenceNumber: "驾驶证号", licenceClass: "准驾车型", licenceStatus: "驾驶证状态",
    qualificationNo: "从业资格证号", qualificationExpires: "从业资格有效期至", employment: "在职情况", qualified: "资格", yes: "合格", no: "不合格",
    summary: "{year} 年闭环监管", sourceHazardsRemedied: "抄告治理源头隐患", driversDismissed: "解聘不合格驾驶员", offencesProsecuted: "打击违法犯罪",
    enterprisesInterviewed: "约谈企业", vehiclesBroughtToInspection: "督促逾期车辆检验", noticeLetters: "抄告函", findingsRaised: "发现问题", findingsOpen: "未销号",
    screen: "数据筛查", screening: "筛查中…", screened: "筛查完成：逾期未检 {a} 辆，临近报废 {b} 辆，驾驶人不合格 {c} 人（已有的问题不重复登记）",
    findings: "问题清单", finding: "问题", findingKind: "问题类型", origin: "发现方式", description: "情况", foundAt: "发现时间", subject: "对象",
    actions: "管控措施", addAction: "采取措施", actionKind: "措施", takenAt: "时间", note: "说明", newInspectionDue: "新的检验有效期",
    closeFinding: "销号", closingNote: "销号说明", closedAt: "销号时间", activeFindings: "未销号", closedFindings: "已销号", allFindings: "全部",
    vehicleClasses: {
      coach: "公路客车", tour_bus: "旅游客车", school_bus: "校车", hazmat_truck: "危化品运输车", heavy_truck: "重型货车",
      rural_van: "农村面包车", muck_truck: "渣土车", concrete_mixer: "混凝土搅拌车",
    },
    vehicleStatuses: { active: "营运", suspended: "停运", scrapped: "已报废", deregistered: "已注销" },
    enterpriseKinds: { passenger: "客运", tourism: "旅游客运", hazmat: "危险货物运输", freight: "普通货运", school: "校车服务", mixed: "综合" },
    licenceStatuses: { valid: "正常", expired: "逾期", suspended: "暂扣", revoked: "吊销", full_score: "满分" },
    employments: { employed: "在职", dismissed: "已解聘" },
    findingKinds: {
      overdue_inspection: "逾期未检验", scrap_due: "临近或超过报废期", unqualified_driver: "驾驶人不合格", repeated_violations: "多次违法",
      enterprise_risk: "企业安全风险", other: "其他",
    },
    findingOrigins: { data_screening: "数据筛查", inspection: "检查发现", report: "举报/抄告" },
    findingStatuses: { open: "待管控", controlled: "管控中", closed: "已销号" },
    actionKinds: {
      notice_letter: "抄告/函", enterprise_interview: "约谈企业", driver_dismissal: "解聘驾驶员", offence_prosecuted: "打击违法",
      inspection_enforced: "督促检验", other: "其他",
    },
    findingClosed: "该问题已销号", closeNeedsAction: "销号前须至少采取一项管控措施",
    validation: {
      creditCode: "统一社会信用代码为18位", subject: "请选择企业、车辆或驾驶人", subjectNotFound: "对象不存在或不在管辖范围内",
      enterprise: "企业不存在或不在管辖范围内", needsDriver: "解聘措施须针对驾驶人问题", needsVehicle: "督促检验须针对车辆问题",
    },
  },
};
export default keyvehicles;
