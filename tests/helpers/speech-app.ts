/**
 * The per-test setup the speech component tests share: fresh repositories
 * with a seeded workplace and a fake speechSynthesis with the given voices;
 * after each test the app is unmounted and the doubles are removed.
 */
import { cleanup } from '@solidjs/testing-library';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Repositories } from '../../src/data';
import type { Workplace } from '../../src/domain/types';
import { freshRepos, seedWorkplace } from './render';
import { installSpeechSynthesis, removeMicrophone, removeSpeechSynthesis, type Spoken } from './speech';

export interface SpeechApp {
  repos: Repositories;
  wp: Workplace;
  /** What the fake speechSynthesis was asked to say, in order. */
  spoken: Spoken[];
}

export function useSpeechApp(langs: string[] = ['sv-SE', 'en-GB', 'ar-SY']): SpeechApp {
  const env = {} as SpeechApp;
  beforeEach(async () => {
    env.repos = freshRepos();
    env.wp = await seedWorkplace(env.repos);
    env.spoken = installSpeechSynthesis(langs);
  });
  afterEach(() => {
    cleanup();
    removeMicrophone();
    removeSpeechSynthesis();
    vi.restoreAllMocks();
  });
  return env;
}
