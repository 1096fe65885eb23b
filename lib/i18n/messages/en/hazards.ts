// Hazards, black spots and operations (issue: records).
const hazards = {
  hazards: {
    title: "Hazards", board: "Hazards board", blackSpots: "Black spots", newHazard: "New hazard", list: "Hazard list",
    hazardTitle: "Hazard", description: "Description", source: "Source", responsibleParty: "Who must fix it (outside the police)", deadline: "Deadline",
    foundAt: "Found", status: "Status", closingNote: "What was done (closing note)", closedAt: "Closed", unit: "Responsible police unit",
    open: "Open", rectifying: "Being fixed", closed: "Closed (last 30 days)", overdue: "Overdue", dueOn: "Due {date}",
    startRectifying: "Start fixing", close: "Close", reopen: "Back to open", empty: "None", saved: "Saved",
    closureRates: "Closure rate by unit", closureYear: "Year", found: "Found", closedCount: "Closed", overdueCount: "Overdue", rate: "Closure rate",
    sources: { patrol: "Patrol", black_spot: "Black spot", enterprise_check: "Enterprise check", citizen: "Citizen" },
    statuses: { open: "Open", rectifying: "Being fixed", closed: "Closed" },
    blackSpotsIntro: "Injury and fatal accidents of the last 12 months, grouped into H3 cells (resolution 8, about 0.7 km²); a cell with 3 or more is a black-spot candidate. One click raises it as a hazard for the responsible unit.",
    accidentsCount: "Injury/fatal accidents", fatalCount: "Fatal", deaths: "Deaths", injured: "Injured", lastAccident: "Latest", roads: "Roads",
    createHazard: "Raise as a hazard", hazardExists: "Hazard open", viewHazard: "View hazard", noBlackSpots: "No area reached the black-spot threshold in the last 12 months",
    cell: "Cell", coordinates: "Centre",
    operations: "Operations", newOperation: "New operation", operationName: "Name", kind: "Kind", startsAt: "Starts", endsAt: "Ends",
    notes: "Notes", violationsLinked: "Violations", campaigns: "Special campaigns", escorts: "Security escorts", yearCounts: "{year}: {campaign} special campaigns, {escort} security escorts",
    closedIsFinal: "A closed hazard cannot be changed", notABlackSpot: "This area is not a black-spot candidate now", blackSpotTaken: "This black spot already has an open hazard",
    validation: {
      closingNote: "Closing needs a note on what was done", deadlineBeforeFound: "The deadline cannot be before the day it was found", endsBeforeStart: "The end cannot be before the start",
    },
  },
};
export default hazards;
