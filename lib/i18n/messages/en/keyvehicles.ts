// Key vehicles (two passenger, one hazardous, one school/freight) and closed-loop supervision (issue: records).
const keyvehicles = {
  keyvehicles: {
    title: "Key vehicles", vehicles: "Key vehicles", enterprises: "Enterprises", drivers: "Key drivers", supervision: "Supervision",
    newVehicle: "New vehicle", newEnterprise: "New enterprise", newDriver: "New driver", newFinding: "New finding",
    plate: "Plate", vehicleClass: "Class", enterprise: "Enterprise", noEnterprise: "None", inspectionDue: "Inspection due", scrapDue: "Scrapping due",
    status: "Status", overdueOnly: "Overdue for inspection only", overdue: "Overdue", search: "Search",
    name: "Name", creditCode: "Unified social credit code", kind: "Kind", address: "Address", contactName: "Contact", contactPhone: "Phone", active: "Operating",
    vehicleCount: "Vehicles", driverCount: "Drivers", openFindings: "Open findings",
    driverName: "Name", idNumber: "ID number", licenceNumber: "Licence number", licenceClass: "Licence class", licenceStatus: "Licence status",
    qualificationNo: "Qualification certificate", qualificationExpires: "Qualification valid until", employment: "Employment", qualified: "Qualified", yes: "Yes", no: "No",
    summary: "Closed-loop supervision {year}", sourceHazardsRemedied: "Source hazards remedied", driversDismissed: "Unqualified drivers dismissed", offencesProsecuted: "Offences prosecuted",
    enterprisesInterviewed: "Enterprises interviewed", vehiclesBroughtToInspection: "Overdue vehicles brought to inspection", noticeLetters: "Notice letters", findingsRaised: "Findings raised", findingsOpen: "Open",
    screen: "Run data screening", screening: "Screening…", screened: "Screening done: {a} vehicles overdue for inspection, {b} due for scrapping, {c} unqualified drivers (existing findings are not raised twice)",
    findings: "Findings", finding: "Finding", findingKind: "Kind", origin: "Found by", description: "Description", foundAt: "Found", subject: "Subject",
    actions: "Control actions", addAction: "Take action", actionKind: "Action", takenAt: "When", note: "Note", newInspectionDue: "New inspection due date",
    closeFinding: "Close", closingNote: "Closing note", closedAt: "Closed", activeFindings: "Open", closedFindings: "Closed", allFindings: "All",
    vehicleClasses: {
      coach: "Coach", tour_bus: "Tour bus", school_bus: "School bus", hazmat_truck: "Hazmat truck", heavy_truck: "Heavy truck",
      rural_van: "Rural van", muck_truck: "Muck truck", concrete_mixer: "Concrete mixer",
    },
    vehicleStatuses: { active: "In service", suspended: "Suspended", scrapped: "Scrapped", deregistered: "Deregistered" },
    enterpriseKinds: { passenger: "Passenger", tourism: "Tourism", hazmat: "Hazardous goods", freight: "Freight", school: "School transport", mixed: "Mixed" },
    licenceStatuses: { valid: "Valid", expired: "Expired", suspended: "Suspended", revoked: "Revoked", full_score: "Full score" },
    employments: { employed: "Employed", dismissed: "Dismissed" },
    findingKinds: {
      overdue_inspection: "Overdue for inspection", scrap_due: "Due for scrapping", unqualified_driver: "Unqualified driver", repeated_violations: "Repeated violations",
      enterprise_risk: "Enterprise risk", other: "Other",
    },
    findingOrigins: { data_screening: "Data screening", inspection: "Inspection", report: "Report" },
    findingStatuses: { open: "Open", controlled: "Under control", closed: "Closed" },
    actionKinds: {
      notice_letter: "Notice letter", enterprise_interview: "Enterprise interview", driver_dismissal: "Driver dismissed", offence_prosecuted: "Offence prosecuted",
      inspection_enforced: "Inspection enforced", other: "Other",
    },
    findingClosed: "This finding is closed", closeNeedsAction: "Take at least one control action before closing",
    validation: {
      creditCode: "The credit code has 18 characters", subject: "Choose an enterprise, a vehicle or a driver", subjectNotFound: "Not found in your area",
      enterprise: "No such enterprise in your area", needsDriver: "Dismissal applies to a driver finding", needsVehicle: "Inspection applies to a vehicle finding",
    },
  },
};
export default keyvehicles;
