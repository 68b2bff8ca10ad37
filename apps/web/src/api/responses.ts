/**
 * Shapes of the answers the console reads. The OpenAPI document describes requests but not yet
 * these responses, so they are written here from the api's views (libs/projections) and must
 * follow them; replace with the generated types once the document carries response schemas.
 */
export type LightColour = 'red' | 'yellow' | 'green';

export interface Light {
  colour: LightColour | null;
  label: string;
  reasons: { rule: string; text: string }[];
}

export interface BoardDepartment {
  name: string;
  role: 'lead' | 'cooperating';
  roleLabel: string;
  acknowledgeBy: string | null;
  acknowledgedAt: string | null;
  acknowledgement: string;
  acknowledgementLabel: string;
}

export interface BoardItem {
  status: string;
  statusLabel: string;
  revision: string | null;
  code: string;
  title: string;
  system: string;
  area: string;
  window: string;
  dueDate: string | null;
  daysLeft: number | null;
  light: Light;
  departments: BoardDepartment[];
  milestones: {
    milestoneId: string;
    title: string;
    owner: string;
    dueDate: string;
    done: boolean;
    statusLabel: string;
  }[];
  progress: { actual: number; expected: number } | null;
  currentResponsible: { party: string; action: string; dueDate: string | null; overdue: boolean }[];
}

export interface Board {
  planId: string;
  asOf: string;
  tasks: BoardItem[];
}
