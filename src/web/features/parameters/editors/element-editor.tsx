import type { ElementSpec } from '../../../../shared/values';
import { BooleanEditor } from './boolean-editor';
import { ColorEditor } from './color-editor';
import type { EditorProps } from './editor-props';
import { FloatEditor } from './float-editor';
import { ImageEditor } from './image-editor';
import { IntegerEditor } from './integer-editor';
import { JsonValueEditor } from './json-value-editor';
import { NumberEditor } from './number-editor';
import { RecommendationsEditor } from './recommendations-editor';
import { StringEditor } from './string-editor';
import { TextStyleEditor } from './text-style-editor';
import { VideoEditor } from './video-editor';

/** The editor of one non-container type (the types an array item or a map value can have). */
export function ElementEditor(props: EditorProps<ElementSpec>) {
  const { spec } = props;
  switch (spec.type) {
    case 'string':
      return <StringEditor {...props} spec={spec} />;
    case 'integer':
      return <IntegerEditor {...props} spec={spec} />;
    case 'number':
      return <NumberEditor {...props} spec={spec} />;
    case 'float':
      return <FloatEditor {...props} spec={spec} />;
    case 'boolean':
      return <BooleanEditor {...props} spec={spec} />;
    case 'json':
      return <JsonValueEditor {...props} spec={spec} />;
    case 'color':
      return <ColorEditor {...props} spec={spec} />;
    case 'image':
      return <ImageEditor {...props} spec={spec} />;
    case 'video':
      return <VideoEditor {...props} spec={spec} />;
    case 'textStyle':
      return <TextStyleEditor {...props} spec={spec} />;
    case 'recommendations':
      return <RecommendationsEditor {...props} spec={spec} />;
  }
}
