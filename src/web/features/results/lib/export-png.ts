import { downloadBlob } from './download';

/** What the image says around the chart, so it stands on its own in a slide or an email. */
export interface ChartCaption {
  title: string;
  /** e.g. the experiment's name, the metric and the dates covered. */
  lines: string[];
  /** Series and their colours (CSS colours, variables allowed). */
  legend: { name: string; color: string }[];
}

const HEADER_LINE = 18;
const LEGEND_ROW = 20;

/**
 * Saves the chart (the largest <svg> inside `container`) as a PNG: the SVG is serialised, drawn on
 * a canvas at twice its size over the page background, under a title and caption lines and over a
 * legend (the page's legend is HTML, not part of the SVG), and the canvas encoded.
 */
export async function exportChartPng(container: HTMLElement, filename: string, caption?: ChartCaption): Promise<void> {
  // The chart is the largest SVG: legends draw their small icons as SVGs too.
  const area = (element: Element) => element.getBoundingClientRect().width * element.getBoundingClientRect().height;
  const svg = [...container.querySelectorAll('svg')].sort((a, b) => area(b) - area(a))[0];
  if (!svg || area(svg) === 0) throw new Error('There is no chart to export yet');
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  // Text and lines use CSS variables of the page; resolve them so the image keeps its colours.
  inlineComputedColours(svg, copy);
  const source = new XMLSerializer().serializeToString(copy);
  const url = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image'));
      image.src = url;
    });
    const scale = 2;
    const header = caption ? 16 + 22 + caption.lines.length * HEADER_LINE + 8 : 0;
    const legendHeight = caption && caption.legend.length > 0 ? LEGEND_ROW + 12 : 0;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil((height + header + legendHeight) * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw images');
    let background = getComputedStyle(container).backgroundColor;
    if (!background || background === 'rgba(0, 0, 0, 0)') background = getComputedStyle(document.body).backgroundColor || '#ffffff';
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(scale, scale);
    if (caption) drawCaption(context, container, caption, width, header, height);
    context.drawImage(image, 0, header, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The image could not be encoded');
    downloadBlob(blob, filename);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A CSS colour (variables allowed) as the page resolves it. */
function resolveColour(container: HTMLElement, colour: string): string {
  const probe = document.createElement('span');
  probe.style.color = colour;
  container.appendChild(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return resolved || colour;
}

function drawCaption(context: CanvasRenderingContext2D, container: HTMLElement, caption: ChartCaption, width: number, header: number, chartHeight: number) {
  const text = getComputedStyle(container).color || '#1A1B1E';
  const font = getComputedStyle(container).fontFamily || 'sans-serif';
  context.textBaseline = 'top';
  context.fillStyle = text;
  context.font = `600 16px ${font}`;
  context.fillText(caption.title, 12, 12, width - 24);
  context.font = `13px ${font}`;
  caption.lines.forEach((line, index) => context.fillText(line, 12, 12 + 24 + index * HEADER_LINE, width - 24));
  let x = 12;
  const y = header + chartHeight + 8;
  for (const item of caption.legend) {
    context.fillStyle = resolveColour(container, item.color);
    context.fillRect(x, y + 3, 12, 12);
    context.fillStyle = text;
    context.fillText(item.name, x + 18, y + 2);
    x += 18 + context.measureText(item.name).width + 20;
  }
}

function inlineComputedColours(source: Element, target: Element) {
  const style = getComputedStyle(source);
  for (const property of ['fill', 'stroke', 'color', 'font-family', 'font-size', 'opacity', 'stroke-width', 'stroke-dasharray']) {
    const value = style.getPropertyValue(property);
    if (value) (target as SVGElement).style.setProperty(property, value);
  }
  for (let i = 0; i < source.children.length; i++) inlineComputedColours(source.children[i], target.children[i]);
}
