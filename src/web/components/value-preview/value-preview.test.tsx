import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { defaultValueFor, elementSpecSchema, parameterTypes, type ParameterType, type TypeSpec } from '../../../shared/values';
import { ValuePreview } from './value-preview';

const renderWithMantine = (ui: ReactElement) => render(<MantineProvider env="test">{ui}</MantineProvider>);

function defaultSpecFor(type: ParameterType): TypeSpec {
  if (type === 'array') return { type, items: { type: 'string' } };
  if (type === 'map') return { type, values: { type: 'string' } };
  return elementSpecSchema.parse({ type });
}

describe('ValuePreview', () => {
  it('renders every type from its default value without crashing', () => {
    for (const type of parameterTypes) {
      const spec = defaultSpecFor(type);
      const { container, unmount } = renderWithMantine(<ValuePreview spec={spec} value={defaultValueFor(spec)} />);
      expect(container.textContent ?? container.innerHTML, type).not.toBe('');
      unmount();
    }
  });

  it('renders values of the wrong shape without crashing', () => {
    for (const type of parameterTypes) {
      for (const value of [null, 'x', 42, [1], { a: 1 }]) {
        const { unmount } = renderWithMantine(<ValuePreview spec={defaultSpecFor(type)} value={value} />);
        unmount();
      }
    }
  });

  it('shows text as text, never as HTML', () => {
    const { container } = renderWithMantine(<ValuePreview spec={{ type: 'string' }} value={'<img src=x onerror="alert(1)"><b>bold</b>'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('<img src=x onerror="alert(1)"><b>bold</b>')).toBeInTheDocument();
  });

  it('image: alt, size, lazy loading, and a message when it fails to load', () => {
    renderWithMantine(<ValuePreview spec={{ type: 'image' }} value={{ url: 'https://cdn.example.com/a.png', alt: 'Spring sale', width: 320, height: 100 }} />);
    const image = screen.getByRole('img', { name: 'Spring sale' });
    expect(image).toHaveAttribute('loading', 'lazy');
    expect(image).toHaveAttribute('width', '320');
    expect(image.style.objectFit).toBe('contain');
    fireEvent.error(image);
    expect(screen.getByText(/could not be loaded/)).toBeInTheDocument();
  });

  it('image: does not load a non-http URL', () => {
    const { container } = renderWithMantine(<ValuePreview spec={{ type: 'image' }} value={{ url: 'javascript:alert(1)', alt: '' }} />);
    expect(container.querySelector('img')).toBeNull();
  });

  it('video: controls and poster, muted when apps autoplay, never autoplaying here', () => {
    const { container } = renderWithMantine(
      <ValuePreview spec={{ type: 'video' }} value={{ url: 'https://cdn.example.com/a.mp4', poster: 'https://cdn.example.com/a.jpg', autoplay: true, loop: true }} />,
    );
    const video = container.querySelector('video')!;
    expect(video).toHaveAttribute('controls');
    expect(video).toHaveAttribute('poster', 'https://cdn.example.com/a.jpg');
    expect(video.muted).toBe(true);
    expect(video).not.toHaveAttribute('autoplay');
    expect(screen.getByText(/plays automatically, muted/)).toBeInTheDocument();
  });

  it('text style: sample text with the style applied and its contrast', () => {
    renderWithMantine(<ValuePreview spec={{ type: 'textStyle' }} value={{ fontSize: 24, fontWeight: 700, color: '#FFFFFF', backgroundColor: '#000000' }} />);
    const sample = screen.getByText('The quick brown fox');
    expect(sample.style.fontSize).toBe('24px');
    expect(sample.style.fontWeight).toBe('700');
    expect(screen.getByText(/Contrast 21.00:1/)).toBeInTheDocument();
  });

  it('colour, array, map and recommendations', () => {
    const cases: Array<[TypeSpec, unknown, string]> = [
      [{ type: 'color' }, '#1C7ED6', '#1C7ED6'],
      [{ type: 'array', items: { type: 'integer' } }, [1200, 3], '1,200'],
      [{ type: 'map', values: { type: 'boolean' } }, { dark: true }, 'dark'],
      [{ type: 'recommendations' }, { items: ['sku-1', 'sku-2'], strategy: 'popular' }, 'popular'],
      [{ type: 'json' }, { a: [1, { b: 2 }] }, '"b": 2'],
      [{ type: 'json' }, { trialDays: 7 }, 'Trial days:7'],
    ];
    for (const [spec, value, text] of cases) {
      const { container, unmount } = renderWithMantine(<ValuePreview spec={spec} value={value} />);
      expect(container).toHaveTextContent(text, { normalizeWhitespace: false });
      unmount();
    }
  });
});
