/**
 * Speak-on-tap and the speaker control, driven through the whole app as a
 * user taps it, with a fake speechSynthesis (and audio playback) installed
 * on the window as a browser provides them.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { messageClipKey, personClipKey } from '../../domain/voiceClips';
import { renderApp } from '../../../tests/helpers/render';
import { installAudioPlayback, installSpeechSynthesis, removeSpeechSynthesis } from '../../../tests/helpers/speech';
import { useSpeechApp } from '../../../tests/helpers/speech-app';

const env = useSpeechApp();

const clip = (bytes = 4_000) => new Blob([new Uint8Array(bytes).fill(1)], { type: 'audio/webm' });

async function onBoard(lang = 'en') {
  renderApp(env.repos, env.wp.id, '/', lang);
  await screen.findByText(env.wp.name);
  // the catalogue of a language other than Swedish loads lazily
  await screen.findByRole('region', { name: lang === 'en' ? 'Goals' : 'Mål' });
}

/** The big link of a board section (the section may also hold action buttons). */
const sectionLink = (name: string) => screen.getByRole('region', { name }).querySelector<HTMLElement>('.section-open')!;

describe('speak on tap', () => {
  it('tapping a section of the board speaks its title in the chosen language', async () => {
    await onBoard('en');
    fireEvent.click(sectionLink('Goals'));
    await waitFor(() => expect(env.spoken).toEqual([{ text: 'Goals', lang: 'en-GB', rate: 0.9 }]));
  });

  it('tapping a pictogram button speaks its label, in Swedish on a Swedish board', async () => {
    await onBoard('sv');
    fireEvent.click(screen.getByRole('button', { name: 'Lås upp' }));
    await waitFor(() => expect(env.spoken).toEqual([{ text: 'Lås upp', lang: 'sv-SE', rate: 0.9 }]));
  });

  it('speaks at the rate set on this device', async () => {
    await env.repos.settings.set('devicePrefs', { speechRate: 1.3 });
    await onBoard('en');
    fireEvent.click(sectionLink('Attendance'));
    await waitFor(() => expect(env.spoken).toEqual([{ text: 'Attendance', lang: 'en-GB', rate: 1.3 }]));
  });

  it('says nothing when speak-on-tap is off', async () => {
    await env.repos.settings.set('devicePrefs', { speakOnTap: false });
    await onBoard('en');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('dialog');
    await new Promise((r) => setTimeout(r, 50));
    expect(env.spoken).toEqual([]);
  });

  it('a face speaks the name in the person’s own language, falling back to Swedish where there is no voice', async () => {
    const aya = await env.repos.persons.add(env.wp.id, { firstName: 'Aya', avatar: { kind: 'pictogram', ref: 'person' }, language: 'ar' });
    await env.repos.persons.add(env.wp.id, { firstName: 'Ahmed', avatar: { kind: 'pictogram', ref: 'person' }, language: 'so' });
    renderApp(env.repos, env.wp.id, '/attendance', 'en');
    fireEvent.click(await screen.findByRole('button', { name: 'Aya' }));
    await waitFor(() => expect(env.spoken[0]).toEqual({ text: 'Aya', lang: 'ar-SY', rate: 0.9 }));
    fireEvent.click(screen.getByRole('button', { name: 'Ahmed' }));
    // no Somali voice (as on most tablets): the Swedish voice says the name
    await waitFor(() => expect(env.spoken[1]).toEqual({ text: 'Ahmed', lang: 'sv-SE', rate: 0.9 }));
    expect(aya.language).toBe('ar');
  });

  it('a recorded clip wins over synthetic speech', async () => {
    const audio = installAudioPlayback();
    await env.repos.voiceClips.save(env.wp.id, { key: messageClipKey('section.goals'), lang: 'en', audio: clip(), durationMs: 900 });
    await onBoard('en');
    // let the live list of clips arrive
    await new Promise((r) => setTimeout(r, 50));
    fireEvent.click(sectionLink('Goals'));
    await waitFor(() => expect(audio.played).toHaveLength(1));
    expect(env.spoken).toEqual([]);
  });

  it('a person’s recorded name is played when their face is tapped', async () => {
    const audio = installAudioPlayback();
    const yonas = await env.repos.persons.add(env.wp.id, { firstName: 'Yonas', avatar: { kind: 'pictogram', ref: 'person' }, language: 'ti' });
    await env.repos.voiceClips.save(env.wp.id, { key: personClipKey(yonas.id), lang: 'ti', audio: clip(), durationMs: 700 });
    renderApp(env.repos, env.wp.id, '/attendance', 'en');
    fireEvent.click(await screen.findByRole('button', { name: 'Yonas' }));
    await waitFor(() => expect(audio.played).toHaveLength(1));
    expect(env.spoken).toEqual([]);
  });

  it('a check-in on the board says the name once, also with speak-on-tap turned off', async () => {
    await env.repos.persons.add(env.wp.id, { firstName: 'Aya', avatar: { kind: 'pictogram', ref: 'person' }, language: 'ar' });
    await env.repos.persons.add(env.wp.id, { firstName: 'Bo', avatar: { kind: 'pictogram', ref: 'person' }, language: 'en' });
    renderApp(env.repos, env.wp.id, '/', 'en');
    const region = await screen.findByRole('region', { name: 'Attendance' });
    fireEvent.click(await within(region).findByRole('button', { name: 'Aya' }));
    await within(region).findByText(/Welcome, Aya!/);
    await waitFor(() => expect(env.spoken).toEqual([{ text: 'Aya', lang: 'ar-SY', rate: 0.9 }]));
    cleanup();
    env.spoken.length = 0;
    await env.repos.settings.set('devicePrefs', { speakOnTap: false });
    renderApp(env.repos, env.wp.id, '/', 'en');
    const again = await screen.findByRole('region', { name: 'Attendance' });
    await new Promise((r) => setTimeout(r, 100)); // the stored preferences are read
    fireEvent.click(await within(again).findByRole('button', { name: 'Bo' }));
    await within(again).findByText(/Welcome, Bo!/);
    await waitFor(() => expect(env.spoken).toEqual([{ text: 'Bo', lang: 'en-GB', rate: 0.9 }]));
  });

  it('shows a pictogram notice when nothing can speak, without hiding the app’s own notice', async () => {
    removeSpeechSynthesis();
    await env.repos.persons.add(env.wp.id, { firstName: 'Aya', avatar: { kind: 'pictogram', ref: 'person' }, language: 'so' });
    renderApp(env.repos, env.wp.id, '/attendance', 'en');
    fireEvent.click(await screen.findByRole('button', { name: 'Aya' }));
    const notice = await screen.findByText('No voice can read this aloud.');
    expect(notice.closest('.speech-notice')?.querySelector('img[data-pictogram="mute"]')).toBeTruthy();
    // the check-in confirmation (on the face itself) is still there
    expect((await screen.findByText(/Welcome, Aya!/)).closest('.checkin-confirm [role="status"]')).toBeTruthy();
  });

  it('words inside a container that asks for another language are translated and env.spoken in it', async () => {
    await onBoard('en');
    const area = document.createElement('div');
    area.dataset.speakLang = 'sv';
    area.innerHTML = '<button type="button">Goals</button>';
    document.body.append(area);
    try {
      fireEvent.click(area.querySelector('button')!);
      await waitFor(() => expect(env.spoken).toEqual([{ text: 'Mål', lang: 'sv-SE', rate: 0.9 }]));
    } finally {
      area.remove();
    }
  });

  it('never speaks the PIN pad', async () => {
    await onBoard('en');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(env.spoken).toHaveLength(1)); // "Unlock"
    const digit = within(dialog).queryAllByRole('button').find((b) => /\d/.test(b.getAttribute('aria-label') ?? b.textContent ?? ''));
    expect(digit).toBeTruthy();
    fireEvent.click(digit!);
    await new Promise((r) => setTimeout(r, 50));
    expect(env.spoken.map((s) => s.text)).toEqual(['Unlock']);
  });
});

describe('the speaker control', () => {
  it('reads a screen aloud in order: title, summary, the people', async () => {
    await env.repos.persons.add(env.wp.id, { firstName: 'Aya', avatar: { kind: 'pictogram', ref: 'person' }, language: 'ar' });
    await env.repos.persons.add(env.wp.id, { firstName: 'Bo', avatar: { kind: 'pictogram', ref: 'person' }, language: 'sv' });
    renderApp(env.repos, env.wp.id, '/attendance', 'en');
    await screen.findByRole('button', { name: 'Aya' });
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    await waitFor(() => expect(env.spoken.map((s) => s.text)).toContain('Bo'));
    const texts = env.spoken.map((s) => s.text);
    expect(texts).not.toContain('Read aloud');
    const order = ['Attendance', '0 of 2 here', 'Tap yourself', 'Aya', 'Bo'].map((x) => texts.indexOf(x));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(new Set(env.spoken.map((s) => s.lang))).toEqual(new Set(['en-GB']));
  });

  it('reads the board’s date and sections from the board header', async () => {
    await onBoard('en');
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    await waitFor(() => expect(env.spoken.map((s) => s.text)).toContain('Improvements'));
    const texts = env.spoken.map((s) => s.text);
    expect(texts.indexOf('Attendance')).toBeLessThan(texts.indexOf('Goals'));
    expect(texts).not.toContain('Unlock');
  });

  it('stops reading when tapped again', async () => {
    await onBoard('en');
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    const stop = await screen.findByRole('button', { name: 'Stop reading' });
    fireEvent.click(stop);
    await screen.findByRole('button', { name: 'Read aloud' });
    const count = env.spoken.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(env.spoken.length).toBe(count);
  });
});

describe('the speaker control, interrupted', () => {
  it('a tap during a reading stops the reading and says the tapped word', async () => {
    removeSpeechSynthesis();
    env.spoken = installSpeechSynthesis(['sv-SE', 'en-GB', 'ar-SY'], 2_000);
    await env.repos.persons.add(env.wp.id, { firstName: 'Aya', avatar: { kind: 'pictogram', ref: 'person' }, language: 'ar' });
    renderApp(env.repos, env.wp.id, '/attendance', 'en');
    await screen.findByRole('button', { name: 'Aya' });
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    await screen.findByRole('button', { name: 'Stop reading' });
    await waitFor(() => expect(env.spoken).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Aya' }));
    // the control is ready to read again, not stuck on "stop"
    await screen.findByRole('button', { name: 'Read aloud' });
    await waitFor(() => expect(env.spoken.at(-1)).toEqual({ text: 'Aya', lang: 'ar-SY', rate: 0.9 }));
    expect(env.spoken).toHaveLength(2);
  });
});

describe('bilingual labels', () => {
  it('shows the Swedish word beside the chosen language on section titles and pictogram buttons', async () => {
    await env.repos.settings.set('devicePrefs', { bilingual: true });
    await onBoard('en');
    const goals = screen.getByRole('region', { name: 'Goals' });
    await waitFor(() => expect(goals.querySelector('.section-title .bilingual-sv')?.getAttribute('data-sv')).toBe('Mål'));
    expect(goals.querySelector('.bilingual-sv')?.getAttribute('lang')).toBe('sv');
    const unlock = screen.getByRole('button', { name: 'Unlock' });
    expect(unlock.querySelector('.bilingual-sv')?.getAttribute('data-sv')).toBe('Lås upp');
    // the Swedish is drawn by CSS: the control's text and name stay the chosen language
    expect(unlock.textContent?.trim()).toBe('Unlock');
  });

  it('shows one label only when bilingual labels are off, or the board is in Swedish', async () => {
    await onBoard('en');
    expect(document.querySelector('.bilingual-sv')).toBeNull();
    cleanup();
    await env.repos.settings.set('devicePrefs', { bilingual: true });
    await onBoard('sv');
    await new Promise((r) => setTimeout(r, 50));
    expect(document.querySelector('.bilingual-sv')).toBeNull();
  });
});
