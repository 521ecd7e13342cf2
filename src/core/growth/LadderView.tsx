/**
 * The job ladder, first step to last, with "you are here" on the current
 * step: the steps behind are done, the ones ahead still to come. Each step
 * is a button, so a tap says its name aloud (speak-on-tap); the printed plan
 * uses the compact form without buttons.
 */
import { For, Show } from 'solid-js';
import { stepPositions } from '../../domain/growth';
import type { LadderStep } from '../../domain/types';
import { useI18n } from '../../i18n';
import { Pictogram } from '../../pictograms/Pictogram';
import { useGrowthWords } from './names';
import './growth.css';

export function LadderView(props: { ladder: readonly LadderStep[]; current: string | null; compact?: boolean; label: string }) {
  const { t } = useI18n();
  const words = useGrowthWords();
  return (
    <ol class={`ladder ${props.compact ? 'is-compact' : ''}`} aria-label={props.label} role="list">
      <For each={stepPositions(props.ladder, props.current)}>
        {({ step, position }, i) => {
          const spoken = () => (position === 'here' ? `${t('growth.youAreHere')}: ${words.step(step)}` : words.step(step));
          const inner = () => (
            <>
              <span class="ladder-number" aria-hidden="true">
                {i() + 1}
              </span>
              <Pictogram id={step.pictogramId} class="ladder-icon" />
              <span class="ladder-name">{words.step(step)}</span>
              <Show when={position === 'here'}>
                <span class="ladder-here">
                  <Pictogram id="you-are-here" class="ladder-here-icon" />
                  <span class="ladder-here-word">{t('growth.youAreHere')}</span>
                </span>
              </Show>
              <Show when={position === 'behind'}>
                <Pictogram id="check" class="ladder-done-icon" />
              </Show>
              <span class="sr-only">. {t(`growth.position.${position}`)}</span>
            </>
          );
          return (
            <li class={`ladder-step is-${position}`} data-step={step.id} aria-current={position === 'here' ? 'step' : undefined}>
              <Show when={!props.compact} fallback={<div class="ladder-box">{inner()}</div>}>
                <button type="button" class="ladder-box" data-speak={spoken()}>
                  {inner()}
                </button>
              </Show>
            </li>
          );
        }}
      </For>
    </ol>
  );
}

/** A goal's progress in stars: reached steps full, the rest faint; the words for screen readers. */
export function GoalSteps(props: { steps: number; progress: number }) {
  const { t } = useI18n();
  return (
    <span class="goal-steps" data-progress={props.progress} data-steps={props.steps}>
      <span class="goal-stars" aria-hidden="true">
        <For each={Array.from({ length: props.steps }, (_, i) => i < props.progress)}>
          {(reached) => <Pictogram id="star" class={`goal-star ${reached ? 'is-reached' : 'is-ahead'}`} />}
        </For>
      </span>
      <span class="goal-steps-words">{t('growth.goal.progress', { progress: props.progress, steps: props.steps })}</span>
    </span>
  );
}
