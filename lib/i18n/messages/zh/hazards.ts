// 隐患、事故黑点、专项行动（issue: records）。
const hazards = {
  hazards: {
    title: "隐患", board: "隐患看板", blackSpots: "事故黑点", newHazard: "登记隐患", list: "隐患清单",
    hazardTitle: "隐患名称", description: "情况描述", source: "来源", responsibleParty: "整改责任单位（交警以外）", deadline: "整改期限",
    foundAt: "发现时间", status: "状态", closingNote: "整改结果（销号说明）", closedAt: "销号时间", unit: "责任单位（交警）",
    open: "待整改", rectifying: "整改中", closed: "已销号（近30天）", overdue: "已超期", dueOn: "{date} 到期",
    startRectifying: "开始整改", close: "销号", reopen: "退回待整改", empty: "暂无", saved: "已保存",
    closureRates: "各单位隐患整改率", closureYear: "年度", found: "发现", closedCount: "已整改", overdueCount: "超期未改", rate: "整改率",
    sources: { patrol: "巡查发现", black_spot: "事故黑点", enterprise_check: "企业检查", citizen: "群众反映" },
    statuses: { open: "待整改", rectifying: "整改中", closed: "已销号" },
    blackSpotsIntro: "按 H3 网格（分辨率8，约0.7平方公里）统计近12个月的伤亡事故；同一网格 3 起及以上即为黑点候选。一键即可登记为隐患，推送责任单位整改。",
    accidentsCount: "伤亡事故", fatalCount: "死亡事故", deaths: "死亡", injured: "受伤", lastAccident: "最近一次", roads: "道路",
    createHazard: "登记为隐患", hazardExists: "已有隐患", viewHazard: "查看隐患", noBlackSpots: "近12个月没有达到黑点标准的区域",
    cell: "网格", coordinates: "中心坐标",
    operations: "专项行动", newOperation: "新建行动", operationName: "行动名称", kind: "类别", startsAt: "开始", endsAt: "结束",
    notes: "说明", violationsLinked: "关联违法", campaigns: "专项整治", escorts: "安保任务", yearCounts: "{year} 年：专项整治 {campaign} 次，安保任务 {escort} 次",
    closedIsFinal: "已销号的隐患不能再修改", notABlackSpot: "该区域目前不是黑点候选", blackSpotTaken: "该黑点已有未销号的隐患",
    validation: {
      closingNote: "销号须填写整改结果", deadlineBeforeFound: "整改期限不能早于发现日期", endsBeforeStart: "结束时间不能早于开始时间",
    },
  },
};
export default hazards;
