/**
 * One pictogram as a decorative image: the surrounding control carries the
 * accessible name (and the spoken word), so the image itself is hidden from
 * assistive technology.
 *
 * Built-in ids show their fragment of their set's stack, `/pictograms/set/<set>.svg#<id>`
 * (built by `npm run pictograms`, precached by the service worker; why sets: see
 * PICTOGRAM_SET_OF_CATEGORY in catalog.ts). Custom pictograms
 * (`custom:<id>`) are photos: the caller may pass an object URL via `src`,
 * otherwise the app-wide registry in custom.ts resolves them. Unknown ids show the generic "question"
 * pictogram instead of a broken image.
 */
import { splitProps, type JSX } from 'solid-js';
import { FALLBACK_PICTOGRAM, isCustomPictogram, pictogramUrl } from './catalog.ts';
import { mirrorsInRtl } from './mirror.ts';
import { customPictogramUrl } from './custom.ts';

export interface PictogramProps {
  /** built-in id, or `custom:<id>` together with `src` */
  id: string;
  /** object URL (or any URL) of a custom pictogram's image */
  src?: string;
  /** number = CSS px; string = any CSS length ('3rem', '100%'); default 48 */
  size?: number | string;
  class?: string;
  style?: JSX.CSSProperties;
}

export const DEFAULT_PICTOGRAM_SIZE = 48;

/** The image URL a pictogram id resolves to (custom → its src, unknown → fallback). */
export function pictogramSrc(id: string, src?: string): string {
  if (src && (isCustomPictogram(id) || !id)) return src;
  if (isCustomPictogram(id)) return customPictogramUrl(id) ?? pictogramUrl(FALLBACK_PICTOGRAM);
  return pictogramUrl(id);
}

export function Pictogram(props: PictogramProps) {
  const [local] = splitProps(props, ['id', 'src', 'size', 'class', 'style']);
  const size = () => local.size ?? DEFAULT_PICTOGRAM_SIZE;
  const px = () => (typeof size() === 'number' ? (size() as number) : undefined);
  const style = (): JSX.CSSProperties | undefined => {
    const s = size();
    if (typeof s === 'number') return local.style;
    return { width: s, height: s, ...local.style };
  };
  return (
    <img
      src={pictogramSrc(local.id, local.src)}
      alt=""
      aria-hidden="true"
      draggable={false}
      width={px()}
      height={px()}
      decoding="async"
      class={local.class ? `picto ${local.class}` : 'picto'}
      classList={{ 'picto-custom': isCustomPictogram(local.id), 'flip-rtl': mirrorsInRtl(local.id) }}
      style={style()}
      data-pictogram={local.id}
    />
  );
}

export default Pictogram;
export { isBuiltinPictogram, pictogramsByCategory, pictogramUrl } from './catalog.ts';
