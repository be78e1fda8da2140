import type { Platform } from "../platform";
import type { OperationDef } from "./engine";

/** An operation of one synchronous step that runs inside the request (its task is answered finished). */
export function inlineOp<I>(
  operation: string,
  run: (p: Platform, input: I, entityId: string) => void,
): OperationDef<I> {
  return {
    operation,
    inline: true,
    steps: () => [{ name: operation, run: (ctx) => run(ctx.p, ctx.input, ctx.entityId) }],
  };
}
