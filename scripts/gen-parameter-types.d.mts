/** The TypeScript source of src/engine/model/parameters.generated.ts for a parameter file's text. */
export function parameterTypesSource(yamlText: string): string;
