import qinglanPlanJson from '../../data/fixtures/qinglan-2023-2026.json';
import { loadLianyunPlan, loadPlan } from '../load-plan';
import type { Plan } from '../plan.schema';

/**
 * Plans for tests, under names that say what they are for: the plan bundled with the service
 * (the real one of 连云区), and an invented second district, 青岚区 (`qinglan-2023-2026`), in the
 * same city, whose departments reuse several of 连云区's names (区城管局, 区住建局, 区农业农村局,
 * 区卫健委, 区经发局, 区商务局, 无废办) — the case where one district's staff must not reach the
 * other's work. Its settings differ on purpose (签收 in 5 working days, only a final milestone,
 * half-yearly reports). Its rows cover what assignment defaults must report: an external unit
 * (B-1), self-cooperation (B-2), a generic entry (A-4), an alias written beside its department (C-2).
 */
export function bundledPlan(): Plan {
  return loadLianyunPlan();
}

export function secondDistrictPlan(): Plan {
  return loadPlan(structuredClone(qinglanPlanJson), 'qinglan-2023-2026');
}

/**
 * The bundled plan's ecology bureau, the department the domain's tests most often act as; named
 * here so that no file of libs/domain names one district's plan or its departments.
 */
export const BUNDLED_ECOLOGY_BUREAU = '连云生态环境局';
