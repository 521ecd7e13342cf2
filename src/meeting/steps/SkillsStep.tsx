/**
 * Meeting step "who can do what" (optional, off by default): the
 * workplace's skills matrix, read-only, so the team can see who could teach
 * whom. Skills are personal data, so the step is in the meeting only when the
 * supervisor switched it on in the agenda; changes are made on the
 * supervisor's skills screen, not here.
 */
import { useApp } from '../../core/context';
import { createSkillsData, SkillsLegend, SkillsTable } from '../../core/growth/SkillsTable';

export function SkillsStep() {
  const app = useApp();
  const { skills, tasks } = createSkillsData();
  return (
    <div class="meeting-skills">
      <SkillsLegend />
      <SkillsTable skills={skills()} tasks={tasks()} people={app.lookups.people()} class="meeting-skills-table" />
    </div>
  );
}
