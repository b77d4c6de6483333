import type { ElementSpec, TypeSpec } from './type-spec';

/** A valid starting value for a new parameter of this type (the editor's initial state). */
export function defaultValueFor(spec: TypeSpec): unknown {
  switch (spec.type) {
    case 'array':
      return Array.from({ length: spec.minItems ?? 0 }, () => defaultElement(spec.items));
    case 'map':
      return {};
    default:
      return defaultElement(spec);
  }
}

function defaultElement(spec: ElementSpec): unknown {
  switch (spec.type) {
    case 'string':
      return spec.allowedValues?.[0] ?? '';
    case 'integer':
    case 'number':
    case 'float':
      return Math.max(spec.min ?? 0, Math.min(spec.max ?? 0, 0));
    case 'boolean':
      return false;
    case 'json':
      return {};
    case 'color':
      return '#1C7ED6';
    case 'image':
      return { url: 'https://example.com/image.png', alt: '' };
    case 'video':
      return { url: 'https://example.com/video.mp4', autoplay: false, loop: false };
    case 'textStyle':
      return { fontSize: 16, fontWeight: 400, color: '#212529' };
    case 'recommendations':
      return { items: [] };
  }
}
