"""The targets file's format: YAML read with lines, the schema, values, status, export, and records appended."""
