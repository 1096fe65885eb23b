/** The sheets of the statistics report's XLSX export in Chinese, in order: one per table of the report. */
export const REPORT_SHEETS_ZH = [
  "单位概况",
  "事故情况及同比",
  "事故时段分布",
  "违法行为分类",
  "违法查处情况",
  "专项行动与安保任务",
  "车驾管业务分类",
  "办理渠道",
  "窗口服务情况",
  "隐患排查情况",
  "重点车辆监管",
  "接处警",
  "警情类别",
  "警情来源",
];
