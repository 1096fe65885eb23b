// One import per namespace file; domains add theirs here.
import core from "./core";
import admin from "./admin";
import records from "./records";
import hazards from "./hazards";
import keyvehicles from "./keyvehicles";
import duty from "./duty";
import windowMessages from "./window";
import stats from "./stats";
import field from "./field";
import account from "./account";
import incidents from "./incidents";
import audit from "./audit";

const messages = {
  ...core,
  ...admin,
  ...records,
  ...hazards,
  ...keyvehicles,
  ...duty,
  ...windowMessages,
  ...stats,
  ...field,
  ...account,
  ...incidents,
  ...audit,
};
export default messages;
