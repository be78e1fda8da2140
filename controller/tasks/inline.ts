import type { Platform } from "../platform";
import type { OperationDef } from "./operation";

/** An operation of one synchronous step named after it, run by the engine after the request. */
export function oneStepOp<I>(
  operation: string,
  run: (p: Platform, input: I, entityId: string) => void,
): OperationDef<I> {
  return { operation, steps: () => [{ name: operation, run: (ctx) => run(ctx.p, ctx.input, ctx.entityId) }] };
}

/** An operation of one synchronous step that runs inside the request (its task is answered finished). */
export function inlineOp<I>(
  operation: string,
  run: (p: Platform, input: I, entityId: string) => void,
): OperationDef<I> {
  return { ...oneStepOp(operation, run), inline: true };
}
