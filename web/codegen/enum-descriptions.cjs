// GraphQL Code Generator plugin: every enum's value descriptions from the
// schema, as a runtime constant. The dashboard shows them beside choices (a
// conflict policy, a late mode) so the words live in one place, the API, and
// introspection is not needed at run time (it is off in production).
const { isEnumType } = require('graphql');

module.exports = {
  plugin(schema) {
    const enums = Object.values(schema.getTypeMap())
      .filter((type) => isEnumType(type) && !type.name.startsWith('__'))
      .sort((a, b) => a.name.localeCompare(b.name));
    const lines = ['/** Plain-words descriptions of enum values, taken from schema.graphql. */', 'export const enumDescriptions = {'];
    for (const type of enums) {
      lines.push(`  ${type.name}: {`);
      for (const value of type.getValues()) {
        lines.push(`    ${value.name}: ${JSON.stringify(value.description ?? '')},`);
      }
      lines.push('  },');
    }
    lines.push('} as const;', '');
    return lines.join('\n');
  },
};
