/**
 * What other features (meetings, audits) may ask of the action tracker. The actions feature owns the
 * implementation; callers depend only on this interface.
 */
import type { Services } from '../app-api';

export type ActionSource = 'rapid-review' | 'lcspr' | 'learning-review' | 'multi-agency-audit' | 'section-11-175-audit' | 'meeting' | 'inspection';
export type ActionStatus = 'open' | 'acknowledged' | 'in_progress' | 'completed_pending_evidence' | 'completed' | 'blocked' | 'cancelled';
export type Rag = 'red' | 'amber' | 'green' | 'complete' | 'cancelled';

export interface NewActionInput {
  /** e.g. LCSPR-2025-01/R3; generated from source and date when omitted. */
  reference?: string;
  title: string;
  description?: string;
  source: ActionSource;
  /** Id of what created it (meeting id, audit round id, review reference). */
  sourceRef?: string;
  /** Priority id from the content pack, or undefined for none. */
  priority?: string;
  /** Member id (Entra object id) of the owner. */
  ownerId: string;
  ownerAgency?: string;
  /** Meeting series id of the group that owns the action (for matters arising and escalation). */
  group?: string;
  /** ISO date (yyyy-mm-dd), Europe/London. */
  dueDate: string;
}

export interface ActionBrief {
  id: string;
  reference: string;
  title: string;
  ownerId: string;
  ownerName?: string;
  ownerAgency?: string;
  dueDate: string;
  status: ActionStatus;
  rag: Rag;
  overdue: boolean;
}

export interface ActionsApi {
  /** Creates an action and notifies its owner; returns its id and reference. */
  createAction(input: NewActionInput, actorId: string): Promise<{ id: string; reference: string }>;
  /** Open and overdue actions that belong to a group, most urgent first. */
  mattersArising(groupId: string, today: string): Promise<ActionBrief[]>;
}

/** Replaced by the actions feature's implementation. */
export function actionsApi(services: Services): ActionsApi {
  void services;
  return {
    async createAction() {
      throw new Error('the action tracker is not available');
    },
    async mattersArising() {
      return [];
    },
  };
}
