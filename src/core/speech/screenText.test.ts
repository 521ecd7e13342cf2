import { afterEach, describe, expect, it } from 'vitest';
import { accessibleName, readableItems, wordOfTap } from './screenText';

const html = (markup: string) => {
  const root = document.createElement('div');
  root.innerHTML = markup;
  document.body.append(root);
  return root;
};
afterEach(() => {
  document.body.innerHTML = '';
});

describe('wordOfTap', () => {
  it('takes a button’s accessible name and its pictogram, whatever part was tapped', () => {
    const root = html('<button aria-label="Report a deviation"><img data-pictogram="plus" alt="" aria-hidden="true"><span>Report</span></button>');
    expect(wordOfTap(root.querySelector('img'))).toEqual({ text: 'Report a deviation', pictogram: 'plus' });
    expect(wordOfTap(root.querySelector('span'))).toEqual({ text: 'Report a deviation', pictogram: 'plus' });
  });

  it('prefers an explicit data-speak word and key over the link’s long content', () => {
    const root = html('<a href="/goals" data-speak="Goals" data-speak-key="message:section.goals"><h2>Goals</h2><p>2 of 3 green</p></a>');
    expect(wordOfTap(root.querySelector('p'))).toMatchObject({ text: 'Goals', clipKey: 'message:section.goals' });
  });

  it('recognises a face inside a control as a person', () => {
    const root = html('<button aria-label="Aya"><span data-speak-person="p1"><img alt=""></span><span>Aya</span></button>');
    expect(wordOfTap(root.querySelector('img'))).toMatchObject({ personId: 'p1', text: 'Aya' });
  });

  it('a control with several faces speaks its own name, not one person', () => {
    const root = html('<button aria-label="Attendance"><span data-speak-person="p1"></span><span data-speak-person="p2"></span></button>');
    expect(wordOfTap(root.querySelector('button'))).toEqual({ text: 'Attendance' });
  });

  it('a pictogram outside any control speaks its label', () => {
    const root = html('<p><img data-pictogram="sick" alt="" aria-hidden="true"></p>');
    expect(wordOfTap(root.querySelector('img'))).toEqual({ text: '', pictogram: 'sick' });
  });

  it('is silent for text fields, PIN pads and opted-out areas', () => {
    const root = html('<input aria-label="Name"><div class="pin-pad" data-speak-off><button>1</button></div><div data-speak-off><button>Play</button></div>');
    expect(wordOfTap(root.querySelector('input'))).toBeNull();
    expect(wordOfTap(root.querySelector('.pin-pad button'))).toBeNull();
    expect(wordOfTap(root.querySelector('[data-speak-off] button'))).toBeNull();
  });

  it('notes the language of the text or of the container', () => {
    const root = html('<button lang="ar">العربية</button><div data-speak-lang="so"><button>Goals</button></div>');
    expect(wordOfTap(root.querySelector('button[lang]'))).toEqual({ text: 'العربية', textLang: 'ar' });
    expect(wordOfTap(root.querySelector('[data-speak-lang] button'))).toEqual({ text: 'Goals', speakLang: 'so' });
  });
});

describe('readableItems', () => {
  it('reads headings, block texts and controls in DOM order, skipping hidden parts', () => {
    const root = html(`
      <main>
        <h1><img alt="" aria-hidden="true"><span>Deviation</span></h1>
        <p>Broken <strong>saw</strong> in the workshop</p>
        <p aria-hidden="true">decoration</p>
        <p hidden>later</p>
        <ul><li><button aria-label="Mark as solved"><span>Solved</span></button></li></ul>
        <span class="sr-only">Reported by Aya</span>
        <a href="/x">Back</a>
      </main>`);
    expect(readableItems(root.querySelector('main')!)).toEqual([
      'Deviation',
      'Broken saw in the workshop',
      'Mark as solved',
      'Reported by Aya',
      'Back',
    ]);
  });

  it('reads through a big link that holds blocks, and says a repeated item once', () => {
    const root = html('<a href="/goals"><h2>Goals</h2><p>2 of 3</p></a><p>2 of 3</p><span aria-label="Ideas: 3">3</span>');
    expect(readableItems(root)).toEqual(['Goals', '2 of 3', 'Ideas: 3']);
  });

  it('names form controls by their label', () => {
    const root = html('<label>Speed <input id="r" type="range"></label>');
    expect(accessibleName(root.querySelector('input')!)).toBe('Speed');
  });
});
