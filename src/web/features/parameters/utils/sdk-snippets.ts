import { ofrepKindOf, type OfrepValueKind, type TypeSpec } from '../../../../shared/values';

export type SnippetPlatform = 'web' | 'node' | 'ios' | 'android';

export interface SnippetInput {
  parameterKey: string;
  spec: TypeSpec;
  /** The parameter's default value, used as the app's fallback where the language makes that easy. */
  defaultValue: unknown;
  /** Where the dashboard runs: the OFREP base URL. */
  baseUrl: string;
  /** A placeholder that names the chosen key: secrets are shown only once, when the key is created. */
  keyPlaceholder: string;
}

export const platformLabels: Record<SnippetPlatform, string> = { web: 'Web', node: 'Node.js', ios: 'iOS (Swift)', android: 'Android (Kotlin)' };
export const platformLanguages: Record<SnippetPlatform, string> = { web: 'TypeScript', node: 'TypeScript', ios: 'Swift', android: 'Kotlin' };

const jsGetters: Record<OfrepValueKind, string> = {
  boolean: 'getBooleanValue',
  string: 'getStringValue',
  number: 'getNumberValue',
  object: 'getObjectValue',
};

/** Mobile SDKs split numbers into integers and doubles. */
function mobileGetter(spec: TypeSpec): string {
  const kind = ofrepKindOf(spec);
  if (kind === 'number') return spec.type === 'integer' ? 'getIntegerValue' : 'getDoubleValue';
  return jsGetters[kind];
}

function jsFallback(spec: TypeSpec, value: unknown): string {
  const kind = ofrepKindOf(spec);
  const typeOk =
    (kind === 'boolean' && typeof value === 'boolean') ||
    (kind === 'string' && typeof value === 'string') ||
    (kind === 'number' && typeof value === 'number') ||
    (kind === 'object' && typeof value === 'object' && value !== null);
  if (typeOk) {
    const text = JSON.stringify(value);
    if (text.length <= 120) return text;
  }
  return { boolean: 'false', string: "''", number: '0', object: spec.type === 'array' ? '[]' : '{}' }[kind];
}

function mobileFallback(spec: TypeSpec, value: unknown, language: 'swift' | 'kotlin'): string {
  switch (ofrepKindOf(spec)) {
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : 'false';
    case 'string':
      return typeof value === 'string' ? JSON.stringify(value) : '""';
    case 'number':
      if (typeof value !== 'number') return spec.type === 'integer' ? '0' : '0.0';
      return spec.type === 'integer' || !Number.isInteger(value) ? String(value) : `${value}.0`;
    case 'object':
      return language === 'swift' ? '.structure([:])' : 'Value.Structure(emptyMap())';
  }
}

export function sdkSnippet(platform: SnippetPlatform, input: SnippetInput): string {
  const { parameterKey, spec, defaultValue, baseUrl, keyPlaceholder } = input;
  const key = JSON.stringify(parameterKey);
  const auth = `Bearer ${keyPlaceholder}`;
  switch (platform) {
    case 'web':
      return `import { OpenFeature } from '@openfeature/web-sdk';
import { OFREPWebProvider } from '@openfeature/ofrep-web-provider';

await OpenFeature.setProviderAndWait(
  new OFREPWebProvider({
    baseUrl: '${baseUrl}',
    headers: [['Authorization', '${auth}']],
  }),
  { targetingKey: currentUser.id },
);

const client = OpenFeature.getClient();
const value = client.${jsGetters[ofrepKindOf(spec)]}(${key}, ${jsFallback(spec, defaultValue)});
`;
    case 'node':
      return `import { OpenFeature } from '@openfeature/server-sdk';
import { OFREPProvider } from '@openfeature/ofrep-provider';

await OpenFeature.setProviderAndWait(
  new OFREPProvider({
    baseUrl: '${baseUrl}',
    headers: [['Authorization', '${auth}']],
  }),
);

const client = OpenFeature.getClient();
const value = await client.${jsGetters[ofrepKindOf(spec)]}(${key}, ${jsFallback(spec, defaultValue)}, { targetingKey: user.id });
`;
    case 'ios':
      return `import OpenFeature
import OFREP

let provider = OfrepProvider(
    configuration: OfrepProviderConfiguration(
        endpoint: URL(string: "${baseUrl}")!,
        headers: ["Authorization": "${auth}"]
    )
)
await OpenFeatureAPI.shared.setProviderAndWait(
    provider: provider,
    initialContext: MutableContext(targetingKey: currentUser.id)
)

let client = OpenFeatureAPI.shared.getClient()
let value = client.${mobileGetter(spec)}(key: ${key}, defaultValue: ${mobileFallback(spec, defaultValue, 'swift')})
`;
    case 'android':
      return `import dev.openfeature.sdk.ImmutableContext
import dev.openfeature.sdk.OpenFeatureAPI
import dev.openfeature.sdk.Value
import okhttp3.Headers
import org.gofeatureflag.openfeature.ofrep.OfrepProvider
import org.gofeatureflag.openfeature.ofrep.bean.OfrepOptions

val provider = OfrepProvider(
    OfrepOptions(
        endpoint = "${baseUrl}",
        headers = Headers.headersOf("Authorization", "${auth}"),
    )
)
OpenFeatureAPI.setProviderAndWait(provider, ImmutableContext(targetingKey = currentUser.id))

val client = OpenFeatureAPI.getClient()
val value = client.${mobileGetter(spec)}(${key}, ${mobileFallback(spec, defaultValue, 'kotlin')})
`;
  }
}
