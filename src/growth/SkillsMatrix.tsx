/**
 * Who can do what (`/growth/skills`): the workplace's tasks (its task
 * templates) × its people, each cell one of four pictogram levels — not yet,
 * learning, can, can teach. A tap moves a cell to the next level; a cell
 * with an "I learned it" tap waiting is outlined and its tap confirms the
 * claim (one level up). Supervisors only: skills are personal data; the
 * supervisor may show the matrix at the meeting (the meeting's optional
 * "who can do what" step, read-only). The table itself is core's SkillsTable.
 */
import { AdminScreen } from '../core/admin';
import { useApp } from '../core/context';
import { createSkillsData, SkillsLegend, SkillsTable } from '../core/growth/SkillsTable';
import { PictoLink } from '../core/ui';
import { levelOf } from '../domain/growth';
import type { Skill, SkillLevel } from '../domain/types';
import { useI18n } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import './growth.css';

export default function SkillsMatrix() {
  const app = useApp();
  const { t } = useI18n();
  const { skills, tasks } = createSkillsData();

  const tap = (personId: string, taskKey: string, s: Skill | undefined) => {
    const wp = app.workplaceId();
    if (!wp) return;
    if (s?.claimedAt != null) return void app.run(() => app.repos.growth.confirmSkillClaim(s.id));
    const next = ((levelOf(skills(), personId, taskKey) + 1) % 4) as SkillLevel;
    void app.run(() => app.repos.growth.setSkill(wp, personId, taskKey, next));
  };

  return (
    <AdminScreen title={t('growth.skills.title')} pictogram="skill-teach" class="growth-screen skills-screen">
      <div class="row">
        <PictoLink href="/growth" pictogram="plan" label={t('growth.title')} />
      </div>
      <SkillsLegend claims />
      <SkillsTable skills={skills()} tasks={tasks()} people={app.lookups.people()} onTap={tap} />
      <p class="hint">
        <Pictogram id="tap" class="growth-status-icon" />
        <span>{t('growth.skills.tapHint')}</span>
      </p>
    </AdminScreen>
  );
}
