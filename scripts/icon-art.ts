/**
 * The app icon as geometry on a 512×512 canvas: a teal rounded square with a
 * white speech bubble holding three dots (a conversation on the line).
 * build/icon.svg draws the same shapes; renderIcon rasterises them at any
 * size so the PNGs need no image tooling.
 */

type Rgb = readonly [number, number, number];

interface RoundedRect {
  kind: 'rect';
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  r: number;
}
interface Circle {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
}
interface Triangle {
  kind: 'triangle';
  points: readonly [readonly [number, number], readonly [number, number], readonly [number, number]];
}
type Shape = RoundedRect | Circle | Triangle;

export const ICON_TEAL: Rgb = [0x0f, 0x76, 0x6e];
export const ICON_WHITE: Rgb = [0xff, 0xff, 0xff];

/** Painted in order, later over earlier. */
export const ICON_LAYERS: ReadonlyArray<{ color: Rgb; shapes: readonly Shape[] }> = [
  { color: ICON_TEAL, shapes: [{ kind: 'rect', x0: 32, y0: 32, x1: 480, y1: 480, r: 96 }] },
  {
    color: ICON_WHITE,
    shapes: [
      { kind: 'rect', x0: 104, y0: 128, x1: 408, y1: 336, r: 56 },
      { kind: 'triangle', points: [[168, 320], [168, 404], [248, 330]] },
    ],
  },
  {
    color: ICON_TEAL,
    shapes: [
      { kind: 'circle', cx: 184, cy: 232, r: 24 },
      { kind: 'circle', cx: 256, cy: 232, r: 24 },
      { kind: 'circle', cx: 328, cy: 232, r: 24 },
    ],
  },
];

function inside(shape: Shape, x: number, y: number): boolean {
  switch (shape.kind) {
    case 'circle':
      return (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r ** 2;
    case 'rect': {
      if (x < shape.x0 || x > shape.x1 || y < shape.y0 || y > shape.y1) return false;
      const cx = Math.min(Math.max(x, shape.x0 + shape.r), shape.x1 - shape.r);
      const cy = Math.min(Math.max(y, shape.y0 + shape.r), shape.y1 - shape.r);
      return (x - cx) ** 2 + (y - cy) ** 2 <= shape.r ** 2;
    }
    case 'triangle': {
      const [a, b, c] = shape.points;
      const side = (p: readonly [number, number], q: readonly [number, number]) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
      const d1 = side(a, b);
      const d2 = side(b, c);
      const d3 = side(c, a);
      return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
    }
  }
}

/** RGBA pixels of the icon at size×size, anti-aliased by 4×4 supersampling. */
export function renderIcon(size: number): Uint8Array {
  const samples = 4;
  const scale = 512 / size;
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) * scale;
          const y = (py + (sy + 0.5) / samples) * scale;
          let color: Rgb | undefined;
          for (const layer of ICON_LAYERS) if (layer.shapes.some((shape) => inside(shape, x, y))) color = layer.color;
          if (color !== undefined) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      // Colour is averaged over covered samples only (straight, not premultiplied, alpha).
      out[i] = a === 0 ? 0 : Math.round(r / a);
      out[i + 1] = a === 0 ? 0 : Math.round(g / a);
      out[i + 2] = a === 0 ? 0 : Math.round(b / a);
      out[i + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return out;
}

/** The same drawing as SVG, for build/icon.svg. */
export function iconSvg(): string {
  const hex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  const lines: string[] = [];
  for (const layer of ICON_LAYERS) {
    for (const shape of layer.shapes) {
      const fill = `fill="${hex(layer.color)}"`;
      if (shape.kind === 'rect') {
        lines.push(`  <rect x="${shape.x0}" y="${shape.y0}" width="${shape.x1 - shape.x0}" height="${shape.y1 - shape.y0}" rx="${shape.r}" ${fill}/>`);
      } else if (shape.kind === 'circle') {
        lines.push(`  <circle cx="${shape.cx}" cy="${shape.cy}" r="${shape.r}" ${fill}/>`);
      } else {
        lines.push(`  <polygon points="${shape.points.map((p) => p.join(',')).join(' ')}" ${fill}/>`);
      }
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">\n${lines.join('\n')}\n</svg>\n`;
}
