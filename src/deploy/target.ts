// The deploy-target interface: what any back end (the seed's document API, later Architect jobs) must do.
import type { FlowDefinition } from '../flow/schema.js';
import type { DeployPlan } from './plan.js';

/** Publication states a deployed flow can be in. `failed` is set by the server when publishing failed. */
export type DeployedStatus = 'draft' | 'published' | 'scheduled' | 'failed' | (string & {});

/** Who holds a server-side lock on the flow, if anyone. */
export interface FlowLock {
  by: string;
  kind: 'user' | 'client';
}

/** What is deployed, as the target sees it. */
export interface DeployedFlow {
  flowId: string;
  /** The optimistic-lock counter on the server. */
  version: number;
  status: DeployedStatus;
  /** Why the last publication failed, when the server says. */
  statusReason?: string;
  /** When the current version was published (ISO), when the server says. */
  publishedAt?: string;
  lock?: FlowLock;
  /** The flow itself, with server-added fields removed. */
  definition: FlowDefinition;
}

/** One finding from the server's own validation. */
export interface ServerFinding {
  severity: 'error' | 'warning';
  message: string;
  code?: string;
  pointer?: string;
}

export interface ServerValidation {
  valid: boolean;
  findings: ServerFinding[];
}

/** The server accepted the write: the flow now holds `version` (not yet necessarily published). */
export interface PushReceipt {
  flowId: string;
  version: number;
  /** The status the server answered the write with. */
  status: DeployedStatus;
}

export interface WatchProgress {
  elapsedMs: number;
  status: DeployedStatus;
  checks: number;
}

export interface WatchOptions {
  /** Give up after this long; the flow is left as it is. */
  timeoutMs: number;
  onProgress?: (progress: WatchProgress) => void;
  signal?: AbortSignal;
}

/** How publication ended: `published` carries the deployed flow read by the last check (the verify read). */
export type WatchResult =
  | { outcome: 'published'; deployed: DeployedFlow; elapsedMs: number; checks: number }
  | { outcome: 'failed'; deployed: DeployedFlow; reason: string; elapsedMs: number; checks: number }
  | { outcome: 'superseded'; deployed: DeployedFlow; elapsedMs: number; checks: number }
  | { outcome: 'timeout'; deployed?: DeployedFlow; elapsedMs: number; checks: number }
  | { outcome: 'gone'; elapsedMs: number; checks: number };

/** A deploy back end. Implementations never print and never change anything outside these calls. */
export interface DeployTarget {
  /** A short name for messages: `document API at http://127.0.0.1:4010`. */
  readonly description: string;
  /** What is deployed for this id, or undefined when the flow does not exist there. */
  fetchDeployed(flowId: string): Promise<DeployedFlow | undefined>;
  /** The plan for a desired (environment-resolved) flow against what is deployed now. */
  plan(desired: FlowDefinition): Promise<DeployPlan>;
  /** The server's own validation of a flow, before anything is written. */
  validate(flow: FlowDefinition): Promise<ServerValidation>;
  /**
   * Writes the plan's flow as version base+1 and asks for publication. Never bumps past a version it has
   * not seen: a server that moved on answers 409, surfaced as VersionConflictError.
   */
  push(plan: DeployPlan): Promise<PushReceipt>;
  /** Waits, polling adaptively, until `version` is published, fails, or the time is up. */
  watch(flowId: string, version: number, options: WatchOptions): Promise<WatchResult>;
  /**
   * Puts an earlier definition back, as a new version on top of `expectedVersion` (optimistic locking
   * again), and asks for publication. Returns the receipt of that write.
   */
  rollback(flowId: string, definition: FlowDefinition, expectedVersion: number): Promise<PushReceipt>;
  /**
   * Deletes a flow this deploy created, when it still holds `createdVersion` (nobody wrote on top of it).
   * Answers false, deleting nothing, when the flow moved on or the server cannot delete flows.
   */
  removeCreated(flowId: string, createdVersion: number): Promise<boolean>;
  /** The versions the server keeps, newest first (empty when it keeps none). */
  listVersions(flowId: string): Promise<DeployedVersionInfo[]>;
  /** The definition saved as an earlier version, or undefined when the server does not have it. */
  fetchVersion(flowId: string, version: number): Promise<FlowDefinition | undefined>;
}

export interface DeployedVersionInfo {
  version: number;
  published: boolean;
  publishedAt?: string;
}
