import graphqlPlugin from '@graphql-eslint/eslint-plugin';

/**
 * Lints the generated schema.graphql as an integrator reads it: every type,
 * field (operations included), argument and enum value carries a
 * description, and names follow one convention. Run from the repository root
 * (ESLint ignores files outside its working directory).
 */
export default [
  {
    files: ['schema.graphql'],
    languageOptions: { parser: graphqlPlugin.parser },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          DirectiveDefinition: true,
        },
      ],
      '@graphql-eslint/naming-convention': [
        'error',
        { types: 'PascalCase', FieldDefinition: 'camelCase', InputValueDefinition: 'camelCase', Argument: 'camelCase', EnumValueDefinition: 'UPPER_CASE' },
      ],
      '@graphql-eslint/require-deprecation-reason': 'error',
      // Not enabled: no-typename-prefix reads Grade.gradedAt as a "Grade" prefix;
      // strict-id-in-types needs the schema loaded and most result and count
      // types have no id by design.
    },
  },
];
