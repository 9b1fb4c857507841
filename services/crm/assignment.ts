/**
 * Who takes a new lead: among active advisors, the least loaded one who is
 * working right now and has the skill; if nobody with the skill is on shift,
 * the least loaded with the skill (they call back when their shift starts);
 * if nobody has the skill, the least loaded advisor at all. Load is what is
 * still on their desk: open leads plus open tasks.
 */
import type { PrismaClient } from '../db/database.ts';
import { isWorkingAt, parseWorkingHours, type WorkingHours } from './working-hours.ts';

export type AdvisorSkill = 'credit' | 'investment' | 'vehicle';

export interface AdvisorCandidate {
  id: string;
  name: string;
  skills: string[];
  timeZone: string;
  workingHours: WorkingHours;
  capacity: number;
  /** Open leads + open tasks assigned to the advisor. */
  load: number;
}

export interface AssignedAdvisor extends AdvisorCandidate {
  /** Why this advisor: on shift with the skill, off shift with the skill, or anyone. */
  basis: 'on_shift_with_skill' | 'with_skill' | 'any';
}

const OPEN_LEAD_STATUSES = ['new', 'contacted', 'qualified'] as const;

/** Least load first; ties go to whoever has more spare capacity, then a stable order. */
function leastLoaded(candidates: AdvisorCandidate[]): AdvisorCandidate | undefined {
  return [...candidates].sort(
    (a, b) => a.load - b.load || (b.capacity - b.load) - (a.capacity - a.load) || a.id.localeCompare(b.id),
  )[0];
}

export function chooseAdvisor(candidates: AdvisorCandidate[], skill: AdvisorSkill, now: Date): AssignedAdvisor | null {
  const skilled = candidates.filter((c) => c.skills.includes(skill));
  const onShift = skilled.filter((c) => isWorkingAt(c.workingHours, c.timeZone, now));
  const tiers: [AdvisorCandidate[], AssignedAdvisor['basis']][] = [
    [onShift, 'on_shift_with_skill'],
    [skilled, 'with_skill'],
    [candidates, 'any'],
  ];
  for (const [pool, basis] of tiers) {
    const chosen = leastLoaded(pool);
    if (chosen) return { ...chosen, basis };
  }
  return null;
}

export async function loadAdvisorCandidates(prisma: PrismaClient): Promise<AdvisorCandidate[]> {
  const advisors = await prisma.user.findMany({
    where: { active: true, role: 'advisor', advisorProfile: { isNot: null } },
    include: { advisorProfile: true },
  });
  if (advisors.length === 0) return [];
  const ids = advisors.map((a) => a.id);
  const [leads, tasks] = await Promise.all([
    prisma.lead.groupBy({ by: ['assignedAdvisorId'], where: { assignedAdvisorId: { in: ids }, status: { in: [...OPEN_LEAD_STATUSES] } }, _count: { _all: true } }),
    prisma.task.groupBy({ by: ['assigneeId'], where: { assigneeId: { in: ids }, status: 'open' }, _count: { _all: true } }),
  ]);
  const load = new Map<string, number>();
  for (const row of leads) if (row.assignedAdvisorId) load.set(row.assignedAdvisorId, (load.get(row.assignedAdvisorId) ?? 0) + row._count._all);
  for (const row of tasks) if (row.assigneeId) load.set(row.assigneeId, (load.get(row.assigneeId) ?? 0) + row._count._all);
  return advisors.map((advisor) => ({
    id: advisor.id,
    name: advisor.name,
    skills: advisor.advisorProfile!.skills,
    timeZone: advisor.advisorProfile!.timeZone,
    workingHours: parseWorkingHours(advisor.advisorProfile!.workingHours),
    capacity: advisor.advisorProfile!.capacity,
    load: load.get(advisor.id) ?? 0,
  }));
}

export async function assignAdvisor(prisma: PrismaClient, skill: AdvisorSkill, now: Date): Promise<AssignedAdvisor | null> {
  return chooseAdvisor(await loadAdvisorCandidates(prisma), skill, now);
}
