import type { ApiErrorBody } from "../http/errors";

export type TaskState = "QUEUED" | "STARTED" | "COMPLETED" | "ERROR";

export interface TaskStep {
  sequence: number;
  state: TaskState;
  operation: string;
  errors: ApiErrorBody[];
  warnings: ApiErrorBody[];
  options: Record<string, string>;
  queuedTime: number;
  startedTime: number | null;
  endTime: number | null;
}

/** The stored task: the API view drops tenantId, input and lockIds. */
export interface Task {
  id: string;
  entity: { kind: string; id: string };
  state: TaskState;
  operation: string;
  queuedTime: number;
  startedTime: number | null;
  endTime: number | null;
  steps: TaskStep[];
  resourceProperties: Record<string, unknown> | null;
  tenantId: string | null;
  input: Record<string, unknown>;
  lockIds: string[];
}

export interface TaskFilter {
  entityId?: string;
  entityKind?: string;
  state?: string;
  /** Only tasks of these tenants (undefined: all tasks, for the admin). */
  tenantIds?: string[];
}
