import type { Task } from "./types";

/** The Task body of the API: the stored task without its internal fields. */
export function taskView(task: Task, baseUrl: string): Record<string, unknown> {
  return {
    id: task.id,
    kind: "task",
    selfLink: `${baseUrl}/v1/tasks/${task.id}`,
    entity: task.entity,
    state: task.state,
    operation: task.operation,
    queuedTime: task.queuedTime,
    startedTime: task.startedTime,
    endTime: task.endTime,
    steps: task.steps,
    resourceProperties: task.resourceProperties,
  };
}
