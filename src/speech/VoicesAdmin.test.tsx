/**
 * The Voices screen as a supervisor uses it: record a word with the
 * microphone, listen, save, delete; the clear messages when the microphone
 * is refused or the recording is too short; the device's speech settings.
 */
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { messageClipKey, personClipKey } from '../domain/voiceClips';
import { openSupervisorTile } from '../../tests/helpers/render';
import { installAudioPlayback, installMicrophone } from '../../tests/helpers/speech';
import { useSpeechApp } from '../../tests/helpers/speech-app';

const env = useSpeechApp();

const openVoices = () => openSupervisorTile(env.repos, env.wp.id, 'Voices', { lang: 'en' });

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function recordGoals(holdMs: number) {
  fireEvent.click(await screen.findByRole('button', { name: 'Record: Goals' }));
  const dialog = await screen.findByRole('dialog', { name: 'Record “Goals”' });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Record' }));
  const stop = await within(dialog).findByRole('button', { name: 'Stop' });
  await wait(holdMs);
  fireEvent.click(stop);
  return dialog;
}

describe('recording a word', () => {
  it('records, plays back and saves a clip for the word in the chosen language', async () => {
    const mic = installMicrophone({ bytes: 5_000 });
    const audio = installAudioPlayback();
    await openVoices();
    const dialog = await recordGoals(450);
    const take = await within(dialog).findByRole('region', { name: 'New recording' });
    fireEvent.click(within(take).getByRole('button', { name: 'Listen' }));
    await waitFor(() => expect(audio.played).toHaveLength(1));
    fireEvent.click(within(take).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await env.repos.voiceClips.find(env.wp.id, messageClipKey('section.goals'), 'en')).toBeDefined());
    const clip = (await env.repos.voiceClips.find(env.wp.id, messageClipKey('section.goals'), 'en'))!;
    expect(clip.durationMs).toBeGreaterThanOrEqual(400);
    expect((await env.repos.blobs.get(clip.blob))?.size).toBe(5_000);
    expect(mic.tracks.every((t) => t.stopped)).toBe(true);
    expect(await screen.findByText('Recording saved')).toBeTruthy();
    // the row now offers listening to and deleting the clip
    expect(await screen.findByRole('button', { name: 'Listen: Goals' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Record again: Goals' })).toBeTruthy();
  });

  it('records in another language when one is chosen, e.g. Somali, which has no voice here', async () => {
    installMicrophone();
    await openVoices();
    const somali = await screen.findByRole('button', { name: /Soomaali/ });
    await waitFor(() => expect(somali.textContent).toContain('No voice'));
    fireEvent.click(somali);
    expect(somali.getAttribute('aria-pressed')).toBe('true');
    const dialog = await recordGoals(450);
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await env.repos.voiceClips.find(env.wp.id, messageClipKey('section.goals'), 'so')).toBeDefined());
    expect(await env.repos.voiceClips.find(env.wp.id, messageClipKey('section.goals'), 'en')).toBeUndefined();
  });

  it('rejects a recording that is too short, with a clear message, and saves nothing', async () => {
    installMicrophone();
    await openVoices();
    const dialog = await recordGoals(0);
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('The recording is too short.');
    expect(alert.querySelector('img[data-pictogram="warning"]')).toBeTruthy();
    expect(within(dialog).queryByRole('region', { name: 'New recording' })).toBeNull();
    expect(await env.repos.voiceClips.list(env.wp.id)).toEqual([]);
  });

  it('rejects an empty recording', async () => {
    installMicrophone({ bytes: 0 });
    await openVoices();
    const dialog = await recordGoals(450);
    expect((await within(dialog).findByRole('alert')).textContent).toContain('The recording is empty.');
    expect(await env.repos.voiceClips.list(env.wp.id)).toEqual([]);
  });

  it('shows a pictogram message when the microphone is not allowed', async () => {
    const mic = installMicrophone({ refuse: 'NotAllowedError' });
    await openVoices();
    fireEvent.click(await screen.findByRole('button', { name: 'Record: Goals' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record “Goals”' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Tavla may not use the microphone.');
    expect(alert.querySelector('img[data-pictogram="microphone"]')).toBeTruthy();
    expect(mic.requests).toBe(1);
    // still ready to try again once allowed
    expect(within(dialog).getByRole('button', { name: 'Record' })).toBeTruthy();
  });

  it('deletes a clip after asking, and the word can then be recorded again', async () => {
    await env.repos.voiceClips.save(env.wp.id, {
      key: messageClipKey('section.goals'),
      lang: 'en',
      audio: new Blob([new Uint8Array(3_000)], { type: 'audio/webm' }),
      durationMs: 800,
    });
    await openVoices();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete recording: Goals' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete recording' });
    expect(confirm.textContent).toContain('Delete the recording of “Goals”?');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete recording' }));
    await waitFor(async () => expect(await env.repos.voiceClips.list(env.wp.id)).toEqual([]));
    expect(await screen.findByRole('button', { name: 'Record: Goals' })).toBeTruthy();
  });

  it('lists the people, to record their names', async () => {
    installMicrophone();
    const aya = await env.repos.persons.add(env.wp.id, { firstName: 'Aya', avatar: { kind: 'pictogram', ref: 'person' }, language: 'ar' });
    await openVoices();
    fireEvent.click(screen.getByRole('button', { name: 'People' }));
    fireEvent.click(screen.getByRole('button', { name: /العربية/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Record: Aya' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record “Aya”' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record' }));
    const stop = await within(dialog).findByRole('button', { name: 'Stop' });
    await wait(450);
    fireEvent.click(stop);
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await env.repos.voiceClips.find(env.wp.id, personClipKey(aya.id), 'ar')).toBeDefined());
  });

  it('finds any word by searching, in the chosen language or in Swedish', async () => {
    await openVoices();
    fireEvent.click(screen.getByRole('button', { name: 'Pictures' }));
    fireEvent.input(screen.getByLabelText('Search words'), { target: { value: 'sunflower' } });
    expect(await screen.findByRole('button', { name: 'Record: Sunflower' })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Search words'), { target: { value: 'zzzz' } });
    expect(await screen.findByText('No words found.')).toBeTruthy();
  });
});

describe('speech settings', () => {
  it('sets the rate, tests it, and switches speak-on-tap and bilingual labels', async () => {
    await openVoices();
    fireEvent.change(screen.getByLabelText('Speed'), { target: { value: '1.2' } });
    await waitFor(async () => expect((await env.repos.settings.get<{ speechRate?: number }>('devicePrefs', {})).speechRate).toBe(1.2));
    env.spoken.length = 0;
    fireEvent.click(screen.getByRole('button', { name: 'Test the voice' }));
    await waitFor(() => expect(env.spoken).toEqual([{ text: 'Hello! This is how the board sounds.', lang: 'en-GB', rate: 1.2 }]));

    const onTap = screen.getByRole('button', { name: 'Speak words on tap' });
    expect(onTap.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(onTap);
    await waitFor(async () => expect((await env.repos.settings.get<{ speakOnTap?: boolean }>('devicePrefs', {})).speakOnTap).toBe(false));
    expect(onTap.getAttribute('aria-pressed')).toBe('false');

    const bilingual = screen.getByRole('button', { name: 'Show Swedish alongside' });
    fireEvent.click(bilingual);
    await waitFor(async () => expect((await env.repos.settings.get<{ bilingual?: boolean }>('devicePrefs', {})).bilingual).toBe(true));
    // the screen's own title now carries the Swedish word
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).querySelector('.bilingual-sv')?.getAttribute('data-sv')).toBe('Röster'));
  });

  it('shows which languages have a voice on this device', async () => {
    await openVoices();
    const english = await screen.findByRole('button', { name: /English/ });
    await waitFor(() => expect(english.textContent).toContain('Has a voice'));
    expect(english.querySelector('img[data-pictogram="speaker"]')).toBeTruthy();
    const tigrinya = screen.getByRole('button', { name: /ትግርኛ/ });
    expect(tigrinya.textContent).toContain('No voice');
    expect(tigrinya.querySelector('img[data-pictogram="mute"]')).toBeTruthy();
  });
});
