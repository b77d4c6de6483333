import { downloadBlob } from './download';

/**
 * Saves the chart (the largest <svg> inside `container`) as a PNG: the SVG is serialised, drawn on
 * a canvas at twice its size over the page background, and the canvas encoded.
 */
export async function exportChartPng(container: HTMLElement, filename: string): Promise<void> {
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
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw images');
    context.fillStyle = getComputedStyle(container).backgroundColor || '#ffffff';
    if (context.fillStyle === 'rgba(0, 0, 0, 0)') context.fillStyle = getComputedStyle(document.body).backgroundColor || '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The image could not be encoded');
    downloadBlob(blob, filename);
  } finally {
    URL.revokeObjectURL(url);
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
