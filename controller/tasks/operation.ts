import type { Platform } from "../platform";
import type { NoResults, OperationDefOf, StepContext, StepDefOf } from "./types";

/** The engine's operation types, bound to the controller's platform: what every operation file uses. */
export type OpContext<I, R extends object = NoResults> = StepContext<I, R, Platform>;
export type StepDef<I, R extends object = NoResults> = StepDefOf<I, R, Platform>;
export type OperationDef<I, R extends object = NoResults> = OperationDefOf<I, R, Platform>;
