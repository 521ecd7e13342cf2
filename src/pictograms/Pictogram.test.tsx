import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Pictogram } from './Pictogram';
import { PictogramPicker } from './PictogramPicker';
import { pictogramsByCategory, pictogramUrl } from './catalog';
import en from '../i18n/pictograms.en';

afterEach(() => cleanup());

const label = (id: string) => (en as Record<string, string>)[id] ?? id;

describe('Pictogram', () => {
  it('renders a decorative img showing the built-in pictogram from its set', () => {
    const { container } = render(() => <Pictogram id="bucket" size={64} class="big" />);
    const img = container.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('/pictograms/set/work.svg#bucket');
    expect(img.getAttribute('alt')).toBe('');
    expect(img.getAttribute('aria-hidden')).toBe('true');
    expect(img.getAttribute('draggable')).toBe('false');
    expect(img.getAttribute('width')).toBe('64');
    expect(img.getAttribute('height')).toBe('64');
    expect(img.getAttribute('decoding')).toBe('async');
    expect(img.classList.contains('big')).toBe(true);
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('takes CSS lengths as size', () => {
    const { container } = render(() => <Pictogram id="bucket" size="3rem" />);
    const img = container.querySelector('img')!;
    expect(img.style.width).toBe('3rem');
    expect(img.hasAttribute('width')).toBe(false);
  });

  it('falls back to the question pictogram for unknown ids', () => {
    const { container } = render(() => <Pictogram id="definitely-not-real" />);
    expect(container.querySelector('img')!.getAttribute('src')).toBe(pictogramUrl('question'));
  });

  it('shows a custom pictogram from its src, or the fallback without one', () => {
    const { container } = render(() => (
      <>
        <Pictogram id="custom:123" src="blob:http://x/abc" />
        <Pictogram id="custom:456" />
      </>
    ));
    const [a, b] = [...container.querySelectorAll('img')];
    expect(a!.getAttribute('src')).toBe('blob:http://x/abc');
    expect(b!.getAttribute('src')).toBe(pictogramUrl('question'));
  });
});

describe('PictogramPicker', () => {
  it('offers large buttons with accessible names and fires onPick', () => {
    const onPick = vi.fn();
    render(() => <PictogramPicker categories={['tool', 'deviation']} label={label} onPick={onPick} value="hammer" />);
    const tools = pictogramsByCategory('tool');
    for (const id of tools.slice(0, 5)) expect(screen.getByRole('button', { name: label(id) })).toBeTruthy();
    const hammer = screen.getByRole('button', { name: 'Hammer' });
    expect(hammer.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Bucket' }));
    expect(onPick).toHaveBeenCalledWith('bucket');
  });

  it('filters by category tabs, labelled by pictogram and word', () => {
    const onPick = vi.fn();
    render(() => (
      <PictogramPicker
        categories={['tool', 'deviation']}
        label={label}
        categoryLabel={(c) => `tab ${c}`}
        onPick={onPick}
      />
    ));
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['tab tool', 'tab deviation']);
    expect(tabs[0]!.querySelector('img')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Broken tool' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'tab deviation' }));
    expect(screen.getByRole('tab', { name: 'tab deviation' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Broken tool' }));
    expect(onPick).toHaveBeenCalledWith('broken-tool');
    expect(screen.queryByRole('button', { name: 'Bucket' })).toBeNull();
  });

  it('offers custom photo pictograms in their own first tab', () => {
    const onPick = vi.fn();
    render(() => (
      <PictogramPicker
        categories={['tool']}
        label={label}
        onPick={onPick}
        extra={[{ id: 'custom:1', src: 'blob:http://x/1', label: 'Our van' }]}
      />
    ));
    const tabs = screen.getAllByRole('tab');
    expect(tabs).toHaveLength(2);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    const van = screen.getByRole('button', { name: 'Our van' });
    expect(van.querySelector('img')!.getAttribute('src')).toBe('blob:http://x/1');
    fireEvent.click(van);
    expect(onPick).toHaveBeenCalledWith('custom:1');
  });

  it('shows no tabs for a single category', () => {
    render(() => <PictogramPicker categories={['weekday']} label={label} onPick={() => {}} />);
    expect(screen.queryAllByRole('tab')).toHaveLength(0);
    expect(screen.getAllByRole('button')).toHaveLength(7);
  });
});
